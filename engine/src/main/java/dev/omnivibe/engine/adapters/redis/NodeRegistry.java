package dev.omnivibe.engine.adapters.redis;

import dev.omnivibe.engine.studio.NodeInfo;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Who is in the studio: each node writes its id, host, capabilities, capacity and current jobs to a
 * hash that expires unless renewed. A node that stops beating disappears from the listing after
 * {@code ttl}; the set of ids is cleaned as the listing finds expired ones.
 */
public final class NodeRegistry {
  private final RedisCommands<String, String> redis;
  private final Duration ttl;
  private final Clock clock;

  public NodeRegistry(StreamBroker broker, Duration ttl, Clock clock) {
    this.redis = broker.commands();
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Registers or renews {@code node}; call at least twice per {@code ttl}. */
  public void beat(NodeInfo node) {
    String key = StreamKeys.node(node.id());
    redis.hset(
        key,
        Map.of(
            "host", node.host(),
            "capabilities", String.join(",", node.capabilities()),
            "capacity", Integer.toString(node.capacity()),
            "running", String.join(",", node.running()),
            "api", node.api() == null ? "" : node.api(),
            "lastSeen", clock.instant().toString()));
    redis.pexpire(key, ttl.toMillis());
    redis.sadd(StreamKeys.NODES, node.id());
  }

  /** Leaves the studio at once (a clean shutdown). */
  public void leave(String id) {
    redis.del(StreamKeys.node(id));
    redis.srem(StreamKeys.NODES, id);
  }

  /** Every live node, by id. */
  public List<NodeInfo> nodes() {
    List<NodeInfo> out = new ArrayList<>();
    for (String id : redis.smembers(StreamKeys.NODES).stream().sorted().toList()) {
      Map<String, String> h = redis.hgetall(StreamKeys.node(id));
      if (h == null || h.isEmpty()) {
        redis.srem(StreamKeys.NODES, id); // its heartbeat key expired: the node is gone
        continue;
      }
      out.add(
          new NodeInfo(
              id,
              h.getOrDefault("host", ""),
              split(h.get("capabilities")),
              Integer.parseInt(h.getOrDefault("capacity", "1")),
              split(h.get("running")),
              h.getOrDefault("api", ""),
              Instant.parse(h.getOrDefault("lastSeen", Instant.EPOCH.toString()))));
    }
    return out;
  }

  private static List<String> split(String v) {
    return v == null || v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
  }
}
