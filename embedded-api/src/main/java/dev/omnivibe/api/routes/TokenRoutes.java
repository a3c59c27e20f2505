package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.engine.store.ApiClient;
import io.javalin.http.Context;
import java.util.List;

/**
 * Tokens, owner only: rotate the owner's token, and issue, list and revoke tokens for other callers
 * (each gets its own cache entries and rate limit). Secrets are shown once, when made.
 */
public final class TokenRoutes {
  private final TokenStore tokens;
  private final long maxJsonBytes;

  public TokenRoutes(TokenStore tokens, long maxJsonBytes) {
    this.tokens = tokens;
    this.maxJsonBytes = maxJsonBytes;
  }

  private static void ownerOnly(Context ctx, String what) {
    if (!TokenStore.OWNER.equals(ctx.attribute("caller"))) {
      throw new ApiException(403, "Forbidden", "only the owner's token can " + what);
    }
    ctx.header("Cache-Control", "no-store");
  }

  /** POST /api/v1/token/rotate: the owner's token changes; the old one stops working. */
  public void rotate(Context ctx) {
    ownerOnly(ctx, "rotate the owner's token");
    Json.send(ctx, Json.MAPPER.createObjectNode().put("token", tokens.rotate()));
  }

  /** POST /api/v1/tokens {"name": "nightly script"}: 201 with the new token, shown this once. */
  public void issue(Context ctx) {
    ownerOnly(ctx, "issue tokens");
    JsonNode name = Requests.json(ctx, maxJsonBytes).path("name");
    if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
      throw ApiException.invalid(
          "a token needs a name",
          List.of(
              new ApiException.FieldError("/name", "1-100 characters, e.g. \"nightly script\"")));
    }
    TokenStore.Issued t = tokens.issueClient(name.asText().trim());
    ctx.header("Location", "/api/v1/tokens/" + t.id());
    Json.send(
        ctx,
        201,
        Json.MAPPER
            .createObjectNode()
            .put("id", t.id())
            .put("name", t.name())
            .put("token", t.token())
            .put("createdAt", t.createdAt().toString()));
  }

  /** GET /api/v1/tokens: the other callers' tokens, without secrets. */
  public void list(Context ctx) {
    ownerOnly(ctx, "list tokens");
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode arr = out.putArray("tokens");
    for (ApiClient c : tokens.clients()) {
      arr.addObject()
          .put("id", c.id())
          .put("name", c.name())
          .put("createdAt", c.createdAt().toString())
          .put("lastUsedAt", c.lastUsedAt() == null ? null : c.lastUsedAt().toString());
    }
    Json.send(ctx, out);
  }

  /** DELETE /api/v1/tokens/{id}: the token stops working at once. */
  public void revoke(Context ctx) {
    ownerOnly(ctx, "revoke tokens");
    String id = ctx.pathParam("id");
    if (!tokens.revoke(id)) {
      throw ApiException.notFound("no token with id '" + id + "'");
    }
    ctx.status(204);
  }
}
