package dev.omnivibe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.job.JobConflictException;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.store.StoreException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an RFC 9457 {@code application/problem+json} answer. */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static ApiException from(Exception e) {
    if (e instanceof ApiException a) {
      return a;
    }
    if (e instanceof InvalidDeckException d) {
      List<ApiException.FieldError> errors = d.problems().stream().map(Problems::field).toList();
      return ApiException.invalid(
          "the deck has " + errors.size() + " problem(s): " + d.getMessage(), errors);
    }
    if (e instanceof UnknownJobException) {
      return ApiException.notFound(e.getMessage());
    }
    if (e instanceof JobConflictException) {
      return ApiException.conflict(e.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return new ApiException(422, "Invalid request", e.getMessage());
    }
    if (e instanceof JsonProcessingException j) {
      return ApiException.badRequest("malformed JSON: " + j.getOriginalMessage());
    }
    if (e instanceof StoreException) {
      // Its message names the store's file: for the node's log, not for callers.
      LOG.warn("store unavailable: {}", e.getMessage());
      return new ApiException(
          503, "Store unavailable", "the job store cannot be reached now; try again shortly");
    }
    if (e instanceof HttpResponseException h) {
      return new ApiException(h.getStatus(), "HTTP " + h.getStatus(), h.getMessage());
    }
    // Unexpected: the whole story goes to the node's log; callers learn nothing of the machine.
    String ref = Long.toHexString(System.nanoTime());
    LOG.error("unexpected error (ref {})", ref, e);
    return new ApiException(
        500, "Internal error", "unexpected error; the node's log has it under ref " + ref);
  }

  private static ApiException.FieldError field(Problem p) {
    return new ApiException.FieldError("/deck" + p.pointer(), p.message());
  }

  static void write(Context ctx, ApiException a) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("type", "about:blank");
    doc.put("title", a.title());
    doc.put("status", a.status());
    doc.put("detail", a.getMessage());
    doc.put("instance", ctx.path());
    if (!a.errors().isEmpty()) {
      ArrayNode errors = doc.putArray("errors");
      for (ApiException.FieldError f : a.errors()) {
        errors.addObject().put("pointer", f.pointer()).put("detail", f.detail());
      }
    }
    if (a.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"omnivibe\"");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(a.status()).contentType("application/problem+json").result(Json.bytes(doc));
  }
}
