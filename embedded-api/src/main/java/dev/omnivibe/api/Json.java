package dev.omnivibe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.omnivibe.api.http.Body;
import dev.omnivibe.api.http.Send;
import io.javalin.http.Context;

/** One Jackson mapper for the API, and helpers that send JSON through the validators. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private Json() {}

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static void send(Context ctx, int status, Object value) {
    Send.body(ctx, new Body(status, "application/json", bytes(value), null));
  }

  public static void send(Context ctx, Object value) {
    send(ctx, 200, value);
  }
}
