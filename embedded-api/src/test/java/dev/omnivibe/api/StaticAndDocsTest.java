package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAndDocsTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void fingerprintedFilesAreImmutableOthersRevalidateDaily() throws Exception {
    HttpResponse<String> css = api.get("/static/app.3f9c2a1b.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    HttpResponse<String> html = api.get("/static/index.html");
    assertThat(html.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=86400, must-revalidate");
    String etag = html.headers().firstValue("ETag").orElseThrow();
    String modified = html.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(
            api.send(api.request("/static/index.html").header("If-None-Match", etag).GET().build())
                .statusCode())
        .isEqualTo(304);
    assertThat(
            api.send(
                    api.request("/static/index.html")
                        .header("If-Modified-Since", modified)
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(304);
    assertThat(
            api.send(
                    api.request("/static/index.html")
                        .header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(200);
    assertThat(api.get("/static/../openapi.json").statusCode()).isEqualTo(404);
    assertThat(api.get("/static/missing.css").statusCode()).isEqualTo(404);
  }

  @Test
  void pngIsServedAsWebpWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> png =
        api.http.send(
            api.request("/static/logo.png").header("Accept", "image/png").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.headers().firstValue("Vary")).hasValue("Accept");
    HttpResponse<byte[]> webp =
        api.http.send(
            api.request("/static/logo.png")
                .header("Accept", "image/avif,image/webp,*/*")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
    byte[] b = webp.body();
    assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(b, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    assertThat(b.length).isLessThan(png.body().length);
    assertThat(webp.headers().firstValue("ETag")).isNotEqualTo(png.headers().firstValue("ETag"));
    assertThat(webp.headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void theOpenApiDocumentListsExactlyTheServedRoutes() throws Exception {
    HttpResponse<String> r =
        api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build());
    JsonNode doc = ApiFixture.json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new HashSet<>();
    for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      doc.get("paths")
          .get(path)
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path));
    }
    Set<String> served = new HashSet<>();
    ApiServer.ROUTES.forEach(route -> served.add(route.method() + " " + route.path()));
    assertThat(documented).isEqualTo(served);
    for (var route : ApiServer.ROUTES) {
      JsonNode op = doc.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
      boolean open = op.has("security") && op.get("security").isEmpty();
      assertThat(open).as(route.toString()).isEqualTo(!route.needsToken());
      if (route.path().equals("/api/v1/token/rotate")) {
        continue; // would retire the token the other tests use
      }
      // every documented route really answers (never a bare 404 "no such endpoint")
      String path =
          route
              .path()
              .replace("{id}", "nope")
              .replace("{name}", "video")
              .replace("{path}", "index.html");
      HttpResponse<String> answer =
          api.send(
              api.request(path)
                  .method(route.method(), HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(answer.body()).as(route.toString()).doesNotContain("no such endpoint");
    }
    api.engine.queue().resume(dev.omnivibe.engine.job.QueueName.VIDEO);
  }
}
