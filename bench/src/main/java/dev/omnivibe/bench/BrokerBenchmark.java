package dev.omnivibe.bench;

import dev.omnivibe.engine.adapters.redis.StreamBroker;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.studio.Delivery;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * No-op jobs per second through the studio broker with 1, 2 and 3 nodes (each its own Redis
 * connection, as separate processes would have), against a bare XADD / XREADGROUP / XACK loop on
 * one stream in the same run. Starts its own redis-server (append-only, fsync every second).
 *
 * <p>Arguments: jobs per round (default 5000), rounds (default 3).
 */
public final class BrokerBenchmark {
  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("omnivibe-broker-bench");
    Process redis = redis(port, dir);
    String uri = "redis://127.0.0.1:" + port;
    try {
      Thread.sleep(500);
      System.out.printf(
          Locale.ROOT, "%-8s %5s %12s %12s %8s%n", "nodes", "round", "broker/s", "bare/s", "ratio");
      for (int nodes = 1; nodes <= 3; nodes++) {
        List<Double> ratios = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
          flush(uri);
          double broker = broker(uri, nodes, jobs);
          flush(uri);
          double bare = bare(uri, nodes, jobs);
          rates.add(broker);
          ratios.add(broker / bare);
          System.out.printf(
              Locale.ROOT, "%-8d %5d %12.0f %12.0f %8.2f%n", nodes, r, broker, bare, broker / bare);
        }
        System.out.printf(
            Locale.ROOT,
            "median with %d node(s): %.0f jobs/s, %.2f of bare Redis Streams%n",
            nodes,
            Medians.of(rates.stream().mapToDouble(Double::doubleValue).toArray()),
            Medians.of(ratios.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    } finally {
      redis.destroyForcibly();
    }
  }

  /** A redis-server on loopback, append-only with fsync every second (as a studio would run it). */
  static Process redis(int port, Path dir) throws java.io.IOException {
    return new ProcessBuilder(
            "redis-server",
            "--port",
            "" + port,
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--dir",
            dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile())
        .start();
  }

  static void flush(String uri) {
    RedisClient c = RedisClient.create(uri);
    try (var conn = c.connect()) {
      conn.sync().flushall();
    } finally {
      c.shutdown();
    }
  }

  /** Jobs spread over priorities 0-9 so take() really walks the priority streams. */
  static double broker(String uri, int nodes, int jobs) throws Exception {
    try (StreamBroker producer = new StreamBroker(uri, "producer", Duration.ofSeconds(60))) {
      for (int i = 0; i < jobs; i++) {
        producer.publish(QueueName.VIDEO, i % 10, null, "job-" + i, "{}");
      }
    }
    return run(
        nodes,
        jobs,
        id -> {
          try (StreamBroker b = new StreamBroker(uri, id, Duration.ofSeconds(60))) {
            long n = 0;
            for (Optional<Delivery> d = b.take(Set.of(QueueName.VIDEO), Set.of());
                d.isPresent();
                d = b.take(Set.of(QueueName.VIDEO), Set.of())) {
              b.complete(d.get(), "ok");
              n++;
            }
            return n;
          }
        });
  }

  /** The floor: one stream, no priorities, no reclaim, no completion record. */
  static double bare(String uri, int nodes, int jobs) throws Exception {
    RedisClient c = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      RedisCommands<String, String> r = conn.sync();
      try {
        r.xgroupCreate(
            XReadArgs.StreamOffset.from("bare", "0"), "g", XGroupCreateArgs.Builder.mkstream());
      } catch (RedisBusyException e) {
        // exists
      }
      for (int i = 0; i < jobs; i++) {
        r.xadd("bare", Map.of("job", "job-" + i, "doc", "{}"));
      }
    } finally {
      c.shutdown();
    }
    return run(
        nodes,
        jobs,
        id -> {
          RedisClient client = RedisClient.create(uri);
          try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> r = conn.sync();
            long n = 0;
            while (true) {
              List<StreamMessage<String, String>> m =
                  r.xreadgroup(
                      Consumer.from("g", id),
                      XReadArgs.Builder.count(1),
                      XReadArgs.StreamOffset.lastConsumed("bare"));
              if (m.isEmpty()) {
                return n;
              }
              r.xack("bare", "g", m.get(0).getId());
              n++;
            }
          } finally {
            client.shutdown();
          }
        });
  }

  interface Node {
    long work(String id) throws Exception;
  }

  static double run(int nodes, int jobs, Node node) throws Exception {
    AtomicLong done = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String id = "node-" + i;
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  done.addAndGet(node.work(id));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      t.start();
      threads.add(t);
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (done.get() != jobs) {
      throw new IllegalStateException("took " + done.get() + " of " + jobs + " jobs");
    }
    return jobs / seconds;
  }
}
