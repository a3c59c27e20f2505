package dev.omnivibe.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a Server-Sent Events stream to its end. */
final class Sse {
  record Event(String id, String type, String data) {}

  private Sse() {}

  static List<Event> readAll(InputStream body) throws IOException {
    List<Event> events = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String type = "message";
      StringBuilder data = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, type, data.toString()));
          }
          id = null;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    }
    return events;
  }
}
