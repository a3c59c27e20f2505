package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The contract check itself: a response that strays from openapi.json fails the test. */
class ContractTest {
  static HttpResponse<String> response(int status, String type, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/v1/queues")).build();
    return new HttpResponse<>() {
      public int statusCode() {
        return status;
      }

      public HttpRequest request() {
        return request;
      }

      public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
      }

      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of("Content-Type", List.of(type)), (a, b) -> true);
      }

      public String body() {
        return body;
      }

      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      public URI uri() {
        return request.uri();
      }

      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  @Test
  void aResponseAsDocumentedPasses() {
    HttpResponse<String> ok =
        response(
            200,
            "application/json",
            "{\"queues\":[{\"name\":\"video\",\"depth\":0,\"running\":0,\"workers\":1,"
                + "\"paused\":false,\"etaSeconds\":0}]}");
    Contract.check(ok.request(), ok);
  }

  @Test
  void anUndocumentedFieldAWrongTypeOrAnUndocumentedStatusFails() {
    HttpResponse<String> extra =
        response(200, "application/json", "{\"queues\":[],\"surprise\":true}");
    assertThatThrownBy(() -> Contract.check(extra.request(), extra))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("surprise");
    HttpResponse<String> wrongType =
        response(200, "application/json", "{\"queues\":[{\"name\":\"video\",\"depth\":\"none\"}]}");
    assertThatThrownBy(() -> Contract.check(wrongType.request(), wrongType))
        .hasMessageContaining("depth");
    HttpResponse<String> html = response(500, "text/html", "<html>oops</html>");
    assertThatThrownBy(() -> Contract.check(html.request(), html))
        .hasMessageContaining("application/problem+json");
    assertThat(Contract.CHECKED.get()).isPositive();
  }
}
