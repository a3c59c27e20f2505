package dev.omnivibe.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, before a request reaches the API (a {@code ..} segment, a URI or
 * header fields too large, a malformed request line), as RFC 9457 problem documents like every
 * other error, instead of Jetty's HTML page. The detail is Jetty's reason only: never a stack.
 */
public final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(
        true, ByteBuffer.wrap(document(code, message, request.getHttpURI().getPath())), cb);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(document(status, reason, null));
  }

  static byte[] document(int status, String reason, String path) {
    String title = HttpStatus.getMessage(status);
    String detail = reason == null || reason.isBlank() ? title : reason;
    StringBuilder b =
        new StringBuilder("{\"type\":\"about:blank\",\"title\":")
            .append(quote(title))
            .append(",\"status\":")
            .append(status)
            .append(",\"detail\":")
            .append(quote(detail));
    if (path != null) {
      b.append(",\"instance\":").append(quote(path));
    }
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
