package dev.omnivibe.app.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.engine.studio.NodeInfo;
import dev.omnivibe.engine.studio.StudioPresence;
import dev.omnivibe.engine.testkit.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesViewModelTest {
  static NodeInfo node(String id, int capacity, String... running) {
    return new NodeInfo(id, "host-" + id, List.of(), capacity, List.of(running), "", Instant.now());
  }

  @Test
  void listsTheStudiosNodesFromARealRegistry() {
    RedisServer redis = RedisServer.shared();
    try (StudioPresence a =
            new StudioPresence(redis.uri(), () -> node("ws-a", 2, "job-1"), Duration.ofSeconds(5));
        StudioPresence b =
            new StudioPresence(redis.uri(), () -> node("ws-b", 1), Duration.ofSeconds(5))) {
      NodesViewModel vm = new NodesViewModel(Async.direct(), a::nodes, null);
      vm.refresh();
      assertThat(vm.nodes()).extracting(NodeInfo::id).contains("ws-a", "ws-b");
      assertThat(vm.summaryProperty().get()).contains("nodes").contains("render slots busy");
    }
  }

  @Test
  void onItsOwnItSaysHowToJoinAStudio() {
    NodesViewModel vm = new NodesViewModel(Async.direct(), null, null);
    vm.refresh();
    assertThat(vm.nodes()).isEmpty();
    assertThat(vm.summaryProperty().get()).contains("Set a Redis URI in Settings");
    NodesViewModel down =
        new NodesViewModel(Async.direct(), null, "Redis at redis://x:1 is unreachable (refused)");
    assertThat(down.summaryProperty().get()).contains("unreachable");
  }

  @Test
  void aFailingRegistryIsReportedNotThrown() {
    NodesViewModel vm =
        new NodesViewModel(
            Async.direct(),
            () -> {
              throw new IllegalStateException("connection refused");
            },
            null);
    vm.refresh();
    assertThat(vm.summaryProperty().get()).isEqualTo("Cannot read the studio: connection refused");
  }
}
