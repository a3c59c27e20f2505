package dev.omnivibe.api.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 request as the bytes that go on the wire. A step whose path and body have no
 * placeholders is the same request every time, so its bytes are made once.
 */
final class RequestBytes {
  private final String hostHeader;
  private final String token;
  private final Map<String, byte[]> made = new ConcurrentHashMap<>();

  /** The token was checked to be one line by {@link LoadTestConfig}. */
  RequestBytes(String hostHeader, String token) {
    this.hostHeader = hostHeader;
    this.token = token;
  }

  /**
   * The request's bytes, made once per distinct request (a few hundred at most are kept: paths with
   * a job id change with every job).
   *
   * @throws IllegalArgumentException when the path holds a space or a line break
   */
  byte[] of(String method, String path, String jsonBody) {
    String key = method + ' ' + path + '\n' + jsonBody;
    byte[] known = made.get(key);
    if (known != null) {
      return known;
    }
    if (path.chars().anyMatch(c -> c == ' ' || c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("path '" + path.strip() + "' has a space or line break");
    }
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(160);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (jsonBody != null) {
      head.append("Content-Type: application/json\r\n");
    }
    if (jsonBody != null || !method.equals("GET") && !method.equals("HEAD")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    if (made.size() >= 256) {
      made.clear();
    }
    made.put(key, all);
    return all;
  }
}
