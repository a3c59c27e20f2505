package dev.omnivibe.api.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reading request bodies safely: JSON only, capped in size, malformed input named. */
final class Requests {
  private Requests() {}

  static JsonNode json(Context ctx, long maxBytes) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json") && !type.contains("+json")) {
      throw new ApiException(
          415,
          "Unsupported media type",
          "send the body as application/json (got "
              + (type.isEmpty() ? "no content type" : type)
              + ")");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(ctx, maxBytes);
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
    }
    if (body.length > maxBytes) {
      throw tooLarge(ctx, maxBytes);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON: " + e.getMessage());
    }
  }

  /**
   * A priority: missing gives the default; anything but a whole number from 0 to 9 is a field error
   * (a huge number is refused, not truncated; a string is not read as one).
   */
  static int priority(JsonNode p, java.util.List<ApiException.FieldError> errors) {
    if (p.isMissingNode()) {
      return dev.omnivibe.engine.job.Priority.DEFAULT;
    }
    if (p.isIntegralNumber()
        && p.canConvertToInt()
        && p.intValue() >= dev.omnivibe.engine.job.Priority.MIN
        && p.intValue() <= dev.omnivibe.engine.job.Priority.MAX) {
      return p.intValue();
    }
    errors.add(
        new ApiException.FieldError(
            "/priority", "must be a whole number from 0 to 9 (9 runs first), got " + p));
    return dev.omnivibe.engine.job.Priority.DEFAULT;
  }

  /**
   * A whole number within {@code min}..{@code max}, or {@code fallback} when missing; anything else
   * is a field error naming {@code pointer}.
   */
  static int wholeNumber(
      JsonNode n,
      String pointer,
      int min,
      int max,
      int fallback,
      String unit,
      java.util.List<ApiException.FieldError> errors) {
    if (n.isMissingNode()) {
      return fallback;
    }
    if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= min && n.intValue() <= max) {
      return n.intValue();
    }
    boolean bounded = min != Integer.MIN_VALUE || max != Integer.MAX_VALUE;
    errors.add(
        new ApiException.FieldError(
            pointer,
            "must be a whole number of "
                + unit
                + (bounded ? " from " + min + " to " + max : "")
                + ", got "
                + n));
    return fallback;
  }

  /** What is drained of a refused body at most, so the client can read the answer. */
  private static final long DRAIN = 8L << 20;

  /**
   * A 413, after reading what is left of a moderately oversized body: a client that is still
   * sending would otherwise find the connection closed under it and never see the answer. A body
   * far past the limit is not read; the connection is closed instead.
   */
  static ApiException tooLarge(Context ctx, long maxBytes) {
    try (InputStream in = ctx.req().getInputStream()) {
      long left = DRAIN;
      byte[] buf = new byte[1 << 16];
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client stopped sending; the answer goes out all the same
    }
    return tooLarge(maxBytes);
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        413, "Payload too large", "the body is larger than " + maxBytes + " bytes");
  }
}
