package dev.omnivibe.engine.deck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads single deck fields, collecting a {@link Problem} for each one that is missing or has the
 * wrong type instead of stopping at the first, so a deck's author sees every problem at once.
 */
final class JsonFields {
  final List<Problem> problems = new ArrayList<>();

  /** A {@code loudness} target in LUFS; null keeps the level (NaN). */
  double loudness(JsonNode parent, String path, double fallback) {
    JsonNode l = parent.get("loudness");
    if (l == null) {
      return fallback;
    }
    if (l.isNull()) {
      return Double.NaN;
    }
    if (l.isNumber() && l.asDouble() >= -40 && l.asDouble() <= -5) {
      return l.asDouble();
    }
    problems.add(
        new Problem(
            path + ".loudness", "must be a target in LUFS from -40 to -5, or null, got " + l));
    return fallback;
  }

  Integer whole(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(
          new Problem(
              path + "." + field, "must be a whole number of words per minute, got " + node));
      return null;
    }
    return node.intValue();
  }

  void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        problems.add(
            new Problem(
                prefix + field,
                "unknown field (allowed: " + String.join(", ", sorted(known)) + ")"));
      }
    }
  }

  String text(JsonNode parent, String path, String field, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(new Problem(path + "." + field, "missing"));
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problems.add(new Problem(path + "." + field, "must be a non-empty string"));
      return null;
    }
    return node.asText();
  }

  Double number(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    // "NaN" and "Infinity" arrive as strings; keep them so the rules can name them precisely.
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText());
      } catch (NumberFormatException ignored) {
        // fall through to the message below
      }
    }
    problems.add(new Problem(path + "." + field, "must be a number of seconds, got " + node));
    return null;
  }

  Integer integer(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(
          new Problem(path + "." + field, "must be a whole number of pixels, got " + node));
      return null;
    }
    return node.asInt();
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
