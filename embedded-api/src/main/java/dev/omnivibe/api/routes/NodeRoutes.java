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
    return Nodes.self(engine, "local", "");
  }

  /** What this node reports about itself. */
  public static final class Nodes {
    private Nodes() {}

    /** This node: usable hardware encoders as capabilities, video workers as capacity. */
    public static NodeInfo self(Engine engine, String id, String api) {
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "localhost";
      }
      List<String> caps =
          engine.encoders(false).encoders().stream()
              .filter(e -> e.usable() && e.hardware())
              .map(e -> e.name())
              .toList();
      int capacity =
          engine.queues().stream()
              .filter(q -> q.name() == dev.omnivibe.engine.job.QueueName.VIDEO)
              .mapToInt(q -> q.workers())
              .findFirst()
              .orElse(1);
      List<String> running = engine.runningHere();
      return new NodeInfo(id, host, caps, capacity, running, api, java.time.Instant.now());
    }
  }
}
