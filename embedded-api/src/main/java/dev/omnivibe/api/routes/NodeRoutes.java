package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.Json;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.studio.NodeInfo;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /api/v1/nodes}: every render node of the studio and what it is doing. */
public final class NodeRoutes {
  private final Engine engine;
  private final Supplier<List<NodeInfo>> studio;

  /**
   * @param studio the registry's listing, or null when this node is on its own
   */
  public NodeRoutes(Engine engine, Supplier<List<NodeInfo>> studio) {
    this.engine = engine;
    this.studio = studio;
  }

  public void list(Context ctx) {
    List<NodeInfo> nodes = studio != null ? studio.get() : List.of(local());
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("studio", studio != null);
    ArrayNode arr = out.putArray("nodes");
    for (NodeInfo n : nodes) {
      ObjectNode o =
          arr.addObject()
              .put("id", n.id())
              .put("host", n.host())
              .put("capacity", n.capacity())
              .put("api", n.api())
              .put("lastSeen", n.lastSeen() == null ? null : n.lastSeen().toString());
      n.capabilities().forEach(o.putArray("capabilities")::add);
      n.running().forEach(o.putArray("running")::add);
    }
    Json.send(ctx, out);
  }

  private NodeInfo local() {
    return engine.nodeInfo("local", "");
  }
}
