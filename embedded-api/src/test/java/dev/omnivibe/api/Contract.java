package dev.omnivibe.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Holds every response the API tests receive to {@code openapi.json}, with a maintained validator
 * (Atlassian's swagger-request-validator): an undocumented status, a missing or extra field, a
 * wrong type fails the test that received it. Requests are not checked: the tests send bad ones on
 * purpose.
 */
final class Contract {
  private static final OpenApiInteractionValidator VALIDATOR = load();

  /** Statuses any path may answer before it is routed (unknown paths, Jetty's own refusals). */
  private static final Set<Integer> UNROUTED = Set.of(400, 404, 405, 414, 431);

  static final AtomicInteger CHECKED = new AtomicInteger();

  private Contract() {}

  private static OpenApiInteractionValidator load() {
    try (InputStream in = Contract.class.getResourceAsStream("/openapi.json")) {
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel("validation.request", ValidationReport.Level.IGNORE)
                  .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws AssertionError listing every way the response differs from the contract
   */
  static void check(HttpRequest request, HttpResponse<String> response) {
    String method = request.method().toUpperCase(Locale.ROOT);
    String path = request.uri().getRawPath();
    SimpleResponse.Builder b = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach((name, values) -> b.withHeader(name, values));
    boolean head = method.equals("HEAD");
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!head
        && response.body() != null
        && !response.body().isEmpty()
        && !type.startsWith("text/event-stream")) {
      b.withBody(response.body());
    }
    ValidationReport report =
        VALIDATOR.validateResponse(path, Request.Method.valueOf(head ? "GET" : method), b.build());
    List<ValidationReport.Message> errors =
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .filter(m -> !(head && m.getKey().startsWith("validation.response.body")))
            .filter(
                m ->
                    !(UNROUTED.contains(response.statusCode())
                        && (m.getKey().equals("validation.request.path.missing")
                            || m.getKey().equals("validation.request.operation.notAllowed"))))
            .toList();
    CHECKED.incrementAndGet();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "the response to "
              + method
              + " "
              + path
              + " ("
              + response.statusCode()
              + ") is not what openapi.json says:\n  "
              + errors.stream()
                  .map(ValidationReport.Message::toString)
                  .collect(Collectors.joining("\n  "))
              + "\nbody: "
              + (response.body() == null
                  ? ""
                  : response.body().substring(0, Math.min(800, response.body().length()))));
    }
  }
}
