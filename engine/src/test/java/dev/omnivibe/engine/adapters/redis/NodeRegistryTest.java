package dev.omnivibe.engine.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.studio.NodeInfo;
import dev.omnivibe.engine.testkit.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node registration with expiring heartbeat keys on a real redis-server. */
class NodeRegistryTest {
  @Test
  void nodesAppearWithWhatTheyCanDoAndVanishWhenTheirHeartbeatStops() {
    RedisServer redis = RedisServer.shared();
    try (StreamBroker broker = new StreamBroker(redis.uri(), "viewer", Duration.ofSeconds(30))) {
      broker.commands().flushall();
      NodeRegistry registry = new NodeRegistry(broker, Duration.ofMillis(500), Clock.systemUTC());
      registry.beat(
          new NodeInfo(
              "gpu-1",
              "render-a",
              List.of("h264_nvenc"),
              2,
              List.of("job-7"),
              "http://10.0.0.5:8750",
              null));
      registry.beat(new NodeInfo("cpu-1", "render-b", List.of(), 1, List.of(), "", null));

      List<NodeInfo> nodes = registry.nodes();
      assertThat(nodes).extracting(NodeInfo::id).containsExactly("cpu-1", "gpu-1");
      NodeInfo gpu = nodes.get(1);
      assertThat(gpu.capabilities()).containsExactly("h264_nvenc");
      assertThat(gpu.running()).containsExactly("job-7");
      assertThat(gpu.capacity()).isEqualTo(2);
      assertThat(gpu.api()).isEqualTo("http://10.0.0.5:8750");
      assertThat(gpu.lastSeen()).isNotNull();

      // cpu-1 keeps beating, gpu-1 goes silent.
      long end = System.nanoTime() + Duration.ofMillis(900).toNanos();
      while (System.nanoTime() < end) {
        registry.beat(new NodeInfo("cpu-1", "render-b", List.of(), 1, List.of(), "", null));
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      assertThat(registry.nodes()).extracting(NodeInfo::id).containsExactly("cpu-1");
      assertThat(broker.commands().smembers(StreamKeys.NODES)).containsExactly("cpu-1");

      registry.leave("cpu-1");
      assertThat(registry.nodes()).isEmpty();
    }
  }
}
