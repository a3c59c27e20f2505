package dev.omnivibe.engine.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A job's handler input, kept as compact JSON text. A parsed tree costs about five times the
 * memory, and 100,000 queued jobs hold one each; handlers parse it when the job runs.
 */
public final class Payload {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String json;
  // What the one codec made of the text, kept for as long as this version of the job is open.
  private volatile Object decoded;

  private Payload(String json) {
    this.json = json;
  }

  @JsonCreator
  public static Payload of(JsonNode node) {
    return new Payload(node == null || node.isMissingNode() ? "null" : node.toString());
  }

  @JsonValue
  @JsonRawValue
  public String json() {
    return json;
  }

  /**
   * The typed payload, decoded by {@code decode} the first time it is asked for and kept: a job is
   * decoded once, not at each look by the gate, the forecasts or the studio.
   */
  @SuppressWarnings("unchecked")
  public <T> T decoded(Class<T> type, java.util.function.Function<String, T> decode) {
    Object d = decoded;
    if (!type.isInstance(d)) {
      d = decode.apply(json);
      decoded = d;
    }
    return (T) d;
  }

  /** The payload as a tree (parsed on each call). */
  public JsonNode node() {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored payload is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p && p.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
