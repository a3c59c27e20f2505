package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.auth.Role;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.engine.store.ApiClient;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens (the gate lets only the owner in): rotate the owner's token, and issue, list and revoke
 * tokens for other callers, each with a role and optionally its own rate limit, its own cache
 * entries and jobs. Secrets are shown once, when made, and never cached.
 */
public final class TokenRoutes {
  private final TokenStore tokens;
  private final long maxJsonBytes;

  public TokenRoutes(TokenStore tokens, long maxJsonBytes) {
    this.tokens = tokens;
    this.maxJsonBytes = maxJsonBytes;
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  /** POST /api/v1/token/rotate: the owner's token changes; the old one stops working. */
  public void rotate(Context ctx) {
    noStore(ctx);
    Json.send(ctx, Json.MAPPER.createObjectNode().put("token", tokens.rotate()));
  }

  /**
   * POST /api/v1/tokens {"name": "nightly script", "role": "submitter", "ratePerSecond": 20}: 201
   * with the new token, shown this once. The role defaults to submitter; the rate to the role's.
   */
  public void issue(Context ctx) {
    noStore(ctx);
    JsonNode body = Requests.json(ctx, maxJsonBytes);
    List<ApiException.FieldError> errors = new ArrayList<>();
    JsonNode name = body.path("name");
    if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
      errors.add(new ApiException.FieldError("/name", "1-100 characters, e.g. \"nightly script\""));
    }
    Role role = Role.SUBMITTER;
    JsonNode r = body.path("role");
    if (!r.isMissingNode()) {
      try {
        role = Role.issuable(r.isTextual() ? r.asText() : null);
      } catch (IllegalArgumentException e) {
        errors.add(new ApiException.FieldError("/role", e.getMessage()));
      }
    }
    Double rate = null;
    JsonNode rateNode = body.path("ratePerSecond");
    if (!rateNode.isMissingNode() && !rateNode.isNull()) {
      if (!rateNode.isNumber() || rateNode.asDouble() < 0 || rateNode.asDouble() > 100_000) {
        errors.add(
            new ApiException.FieldError(
                "/ratePerSecond", "requests per second from 0 (no limit) to 100000"));
      } else {
        rate = rateNode.asDouble();
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the token request has " + errors.size() + " problem(s)", errors);
    }
    TokenStore.Issued t = tokens.issueClient(name.asText().trim(), role, rate);
    ctx.header("Location", "/api/v1/tokens/" + t.id());
    ObjectNode out =
        Json.MAPPER
            .createObjectNode()
            .put("id", t.id())
            .put("name", t.name())
            .put("role", t.role().id())
            .put("token", t.token())
            .put("createdAt", t.createdAt().toString());
    out.put("ratePerSecond", t.rate());
    Json.send(ctx, 201, out);
  }

  /** GET /api/v1/tokens: the other callers' tokens, without secrets. */
  public void list(Context ctx) {
    noStore(ctx);
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode arr = out.putArray("tokens");
    for (ApiClient c : tokens.clients()) {
      arr.addObject()
          .put("id", c.id())
          .put("name", c.name())
          .put("role", c.role())
          .put("ratePerSecond", c.ratePerSecond())
          .put("createdAt", c.createdAt().toString())
          .put("lastUsedAt", c.lastUsedAt() == null ? null : c.lastUsedAt().toString());
    }
    Json.send(ctx, out);
  }

  /** DELETE /api/v1/tokens/{id}: the token stops working at once. */
  public void revoke(Context ctx) {
    noStore(ctx);
    String id = ctx.pathParam("id");
    if (!tokens.revoke(id)) {
      throw ApiException.notFound("no token with id '" + id + "'");
    }
    ctx.status(204);
  }
}
