package dev.omnivibe.engine.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.studio.Delivery;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared queue on a real redis-server (durable, so it can be restarted). */
class StreamBrokerTest {
  static RedisServer redis;
  static final Set<QueueName> VIDEO = Set.of(QueueName.VIDEO);
  final List<StreamBroker> brokers = new ArrayList<>();

  @BeforeAll
  static void server() {
    redis = RedisServer.startDurable();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @BeforeEach
  void empty() {
    try (StreamBroker b = new StreamBroker(redis.uri(), "cleaner", Duration.ofSeconds(1))) {
      b.commands().flushall();
    }
  }

  @AfterEach
  void close() {
    brokers.forEach(StreamBroker::close);
  }

  StreamBroker node(String id, Duration reclaimAfter) {
    StreamBroker b = new StreamBroker(redis.uri(), id, reclaimAfter);
    brokers.add(b);
    return b;
  }

  @Test
  void jobsComeOutHighestPriorityFirstAcrossStreams() {
    StreamBroker a = node("a", Duration.ofSeconds(30));
    a.publish(QueueName.VIDEO, 3, null, "low", "{}");
    a.publish(QueueName.VIDEO, 9, null, "urgent", "{}");
    a.publish(QueueName.VIDEO, 5, null, "normal", "{}");
    List<String> order = new ArrayList<>();
    for (Optional<Delivery> d = a.take(VIDEO, Set.of());
        d.isPresent();
        d = a.take(VIDEO, Set.of())) {
      order.add(d.get().jobId());
    }
    assertThat(order).containsExactly("urgent", "normal", "low");
  }

  @Test
  void threeNodesTakingAtOnceNeverShareAJob() throws Exception {
    StreamBroker producer = node("producer", Duration.ofSeconds(30));
    for (int i = 0; i < 300; i++) {
      producer.publish(QueueName.VIDEO, i % 10, null, "job-" + i, "{}");
    }
    List<String> taken = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    for (String id : List.of("n1", "n2", "n3")) {
      StreamBroker b = node(id, Duration.ofSeconds(30));
      pool.execute(
          () -> {
            for (Optional<Delivery> d = b.take(VIDEO, Set.of());
                d.isPresent();
                d = b.take(VIDEO, Set.of())) {
              taken.add(d.get().jobId());
              b.complete(d.get(), "ok");
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(taken).hasSize(300);
    assertThat(new HashSet<>(taken)).hasSize(300);
  }

  @Test
  void aJobNeedingACapabilityGoesOnlyToANodeThatHasIt() {
    StreamBroker plain = node("cpu-only", Duration.ofSeconds(30));
    StreamBroker gpu = node("gpu", Duration.ofSeconds(30));
    plain.publish(QueueName.VIDEO, 5, "h264_nvenc", "needs-gpu", "{}");
    assertThat(plain.take(VIDEO, Set.of())).isEmpty();
    assertThat(gpu.take(VIDEO, Set.of("h264_nvenc"))).map(Delivery::jobId).contains("needs-gpu");
  }

  @Test
  void aLongJobWithHeartbeatsIsNeverClaimedTwiceButADeadNodesJobIsReclaimed() throws Exception {
    Duration reclaim = Duration.ofMillis(400);
    StreamBroker a = node("a", reclaim);
    StreamBroker b = node("b", reclaim);
    a.publish(QueueName.VIDEO, 5, null, "long-render", "{}");
    Delivery mine = a.take(VIDEO, Set.of()).orElseThrow();

    // 1.5 s of rendering, much longer than the reclaim time, with a heartbeat every 100 ms.
    long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    while (System.nanoTime() < end) {
      assertThat(a.heartbeat(mine)).isTrue();
      assertThat(b.take(VIDEO, Set.of())).as("b must not get a job a is still running").isEmpty();
      Thread.sleep(100);
    }

    // a dies (no more heartbeats): after the reclaim time, b takes the job over.
    Delivery taken =
        Await.value("b to reclaim", () -> b.take(VIDEO, Set.of()), Optional::isPresent)
            .orElseThrow();
    assertThat(taken.jobId()).isEqualTo("long-render");
    assertThat(taken.reclaimed()).isTrue();
    assertThat(a.heartbeat(mine)).as("a learns it lost the job").isFalse();
    assertThat(b.owner(taken)).contains("b");
  }

  @Test
  void exactlyOneCompletionIsRecorded() {
    StreamBroker a = node("a", Duration.ofMillis(200));
    StreamBroker b = node("b", Duration.ofMillis(200));
    a.publish(QueueName.VIDEO, 5, null, "twice", "{}");
    Delivery first = a.take(VIDEO, Set.of()).orElseThrow();
    Delivery second =
        Await.value("b to reclaim", () -> b.take(VIDEO, Set.of()), Optional::isPresent)
            .orElseThrow();

    assertThat(b.complete(second, "b's result")).isTrue();
    assertThat(a.complete(first, "a's result")).as("a finished late: b's result stands").isFalse();
    assertThat(a.completion("twice", first.entry())).contains("b\nb's result");
    assertThat(a.depth(QueueName.VIDEO, 5, null)).isZero();
  }

  /**
   * Lettuce re-sends a command whose reply was lost when Redis dropped the connection, so Redis can
   * see a claim or a completion twice. The second time must still read as the sender's own: the
   * plain SET NX answered "taken", and the attempt then waited forever on its own dedup lease (a
   * Redis restart mid-run left one job of 60 running on a node that never finished it).
   */
  @Test
  void aClaimOrCompletionSentTwiceStillBelongsToItsSender() {
    StreamBroker a = node("a", Duration.ofSeconds(30));
    SharedResults results = a.results(Duration.ofMinutes(5), Duration.ofSeconds(30));
    assertThat(results.claim("same-deck", "1-0")).isTrue();
    assertThat(results.claim("same-deck", "1-0")).as("the replayed claim").isTrue();
    assertThat(results.claim("same-deck", "2-0")).as("another attempt's claim").isFalse();
    results.release("same-deck", "1-0");
    assertThat(results.claim("same-deck", "2-0")).as("after the release").isTrue();

    a.publish(QueueName.VIDEO, 5, null, "replayed", "{}");
    Delivery d = a.take(VIDEO, Set.of()).orElseThrow();
    assertThat(a.complete(d, "a's result")).isTrue();
    assertThat(a.complete(d, "a's result")).as("the replayed completion").isTrue();
    assertThat(a.complete(d, "another result")).as("a different record").isFalse();
    assertThat(a.completion("replayed", d.entry())).contains("a\na's result");
  }

  @Test
  void queuedJobsSurviveARedisRestart() {
    StreamBroker a = node("a", Duration.ofSeconds(30));
    a.publish(QueueName.VIDEO, 5, null, "before-restart", "{\"n\":1}");
    redis.stop();
    redis.restart();
    // Lettuce reconnects by itself; the entry was written to the append-only file.
    Delivery d =
        Await.value(
                "the job after the restart",
                () -> {
                  try {
                    return a.take(VIDEO, Set.of());
                  } catch (RuntimeException e) {
                    return Optional.<Delivery>empty();
                  }
                },
                Optional::isPresent)
            .orElseThrow();
    assertThat(d.jobId()).isEqualTo("before-restart");
    assertThat(d.document()).isEqualTo("{\"n\":1}");
  }
}
