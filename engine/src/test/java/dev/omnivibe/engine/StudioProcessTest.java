package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.testkit.RedisServer;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three engine processes (child JVMs, {@link StudioNode}) form a studio on one real redis-server
 * started on a free loopback port, with its append-only file on, as a studio would run it.
 */
class StudioProcessTest {
  @TempDir static Path fixtures;
  static Path tinyDeck;
  @TempDir Path dir;
  RedisServer redis;
  final List<Child> children = new ArrayList<>();

  @BeforeAll
  static void decks() throws IOException {
    tinyDeck = TestDecks.tiny(fixtures.resolve("tiny"), 1, 1.0, 0.5, null);
  }

  @AfterEach
  void stop() {
    children.forEach(Child::kill);
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  void threeHundredJobsFromThreeNodesRunOnceEachAndNoneIsLost() throws Exception {
    redis = RedisServer.startDurable();
    for (int n = 0; n < 3; n++) {
      start(
          "node" + n,
          Map.of(
              "capacity", "2",
              "noopMs", "5",
              "submit", "100",
              "deck", tinyDeck.toString(),
              "offset", Integer.toString(n * 100)));
    }
    Set<String> submitted = new HashSet<>();
    for (Child c : children) {
      c.await("ALLDONE", l -> l.startsWith("ALLDONE"), 240);
      assertThat(c.lines()).contains("ALLDONE 100");
      submitted.addAll(c.values("SUBMITTED "));
    }
    assertThat(submitted).hasSize(300);
    List<String> runs = Files.readAllLines(dir.resolve("shared/executions.log"));
    Map<String, Integer> perJob = new LinkedHashMap<>();
    Map<String, Integer> perNode = new LinkedHashMap<>();
    for (String run : runs) {
      String[] f = run.split(" ");
      perJob.merge(f[0], 1, Integer::sum);
      perNode.merge(f[1], 1, Integer::sum);
    }
    assertThat(perJob.keySet()).as("every job ran").isEqualTo(submitted);
    assertThat(perJob.values()).as("no job ran twice").allMatch(n -> n == 1);
    assertThat(perNode).as("the studio shared the work: %s", perNode).hasSizeGreaterThan(1);
    assertDrained();
  }

  @Test
  void aRenderNodeKilledMidRenderIsReclaimedAndFinishedByAnother() throws Exception {
    redis = RedisServer.startDurable();
    Path big =
        SampleDeckWriter.write(
            fixtures.resolve("big"),
            new SampleDeckWriter.Spec(10, 1280, 720, 2.0, 1.0, "wipeleft", 1.0, 1280, 720, 30));
    Child k1 = start("k1", Map.of("capacity", "1"));
    Child k2 = start("k2", Map.of("capacity", "1"));
    k1.await("k1 ready", l -> l.startsWith("READY"), 60);
    k2.await("k2 ready", l -> l.startsWith("READY"), 60);
    Child submitter = start("s", Map.of("capacity", "0", "big", big.toString()));
    String id =
        submitter.await("the submission", l -> l.startsWith("SUBMITTED "), 60).substring(10);
    submitter.await(
        "real progress",
        l -> l.startsWith("PROGRESS " + id) && Double.parseDouble(l.split(" ")[2]) > 0,
        120);
    Child victim = k1.lines().contains("RUNNING " + id) ? k1 : k2;
    Child survivor = victim == k1 ? k2 : k1;
    assertThat(victim.lines()).contains("RUNNING " + id);
    victim.kill(); // SIGKILL, and its FFmpeg with it

    survivor.await("the survivor to take the job over", l -> l.equals("RUNNING " + id), 60);
    String done = submitter.await("the job to finish", l -> l.startsWith("FINISHED " + id), 180);
    assertThat(done).startsWith("FINISHED " + id + " SUCCEEDED ");
    Path out = Path.of(done.substring(("FINISHED " + id + " SUCCEEDED ").length()));
    double seconds =
        new Ffprobe(TestFfmpeg.real()).probe(out).path("format").path("duration").asDouble();
    assertThat(seconds).isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(ContentHasher.fresh(out)).hasSize(64);
    assertThat(submitter.values("FINISHED ")).as("recorded once").hasSize(1);
  }

  @Test
  void aRedisRestartMidRunLosesNoJobAndRunsNoneTwice() throws Exception {
    redis = RedisServer.startDurable();
    Child a = start("a", Map.of("capacity", "1", "noopMs", "40"));
    Child b = start("b", Map.of("capacity", "1", "noopMs", "40"));
    a.await("a ready", l -> l.startsWith("READY"), 60);
    b.await("b ready", l -> l.startsWith("READY"), 60);
    Child s =
        start(
            "s",
            Map.of(
                "capacity",
                "1",
                "noopMs",
                "40",
                "submit",
                "60",
                "deck",
                tinyDeck.toString(),
                "offset",
                "300"));
    s.await("some jobs done", l -> l.startsWith("FINISHED ") && s.count("FINISHED ") >= 10, 120);
    redis.stop();
    Thread.sleep(1500);
    redis.restart();
    try {
      s.await("every job", l -> l.startsWith("ALLDONE"), 180);
    } catch (AssertionError e) {
      // What the other nodes and the shared log saw is what tells a lost job from a slow one.
      Path log = dir.resolve("shared/executions.log");
      throw new AssertionError(
          e.getMessage()
              + "\n--- a:\n"
              + String.join("\n", a.lines())
              + "\n--- b:\n"
              + String.join("\n", b.lines())
              + "\n--- executions.log:\n"
              + (Files.exists(log) ? Files.readString(log) : "(none)"),
          e);
    }
    assertThat(s.lines()).contains("ALLDONE 60");
    List<String> runs = Files.readAllLines(dir.resolve("shared/executions.log"));
    Set<String> jobs = new HashSet<>();
    runs.forEach(r -> jobs.add(r.split(" ")[0]));
    assertThat(jobs).isEqualTo(new HashSet<>(s.values("SUBMITTED ")));
    assertThat(runs).as("no job ran twice").hasSize(60);
    assertDrained();
  }

  /**
   * Nothing is left in the streams or pending in the group: no entry can be reclaimed and run again
   * after the test looked.
   */
  void assertDrained() {
    var client = io.lettuce.core.RedisClient.create(redis.uri());
    try (var c = client.connect()) {
      var r = c.sync();
      List<String> streams = r.keys("omnivibe:jobs:*");
      assertThat(streams).isNotEmpty();
      for (String stream : streams) {
        assertThat(r.xlen(stream)).as("entries left in %s", stream).isZero();
        assertThat(r.xpending(stream, "nodes").getCount()).as("pending in %s", stream).isZero();
      }
    } finally {
      client.shutdown();
    }
  }

  Child start(String node, Map<String, String> extra) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("data", dir.resolve(node).toString());
    args.put("shared", dir.resolve("shared").toString());
    args.put("redis", redis.uri());
    args.put("node", node);
    args.put("encoders", fixtures.resolve("encoders.json").toString());
    args.put("reclaimMs", "2000");
    args.putAll(extra);
    Child c =
        new Child(
            node, new ProcessBuilder(StudioNode.command(args)).redirectErrorStream(true).start());
    children.add(c);
    return c;
  }

  /** A node process and everything it printed. */
  static final class Child {
    final String name;
    final Process process;
    private final List<String> lines = new ArrayList<>();

    Child(String name, Process process) {
      this.name = name;
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l; (l = in.readLine()) != null; ) {
                    synchronized (lines) {
                      lines.add(l);
                      lines.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    List<String> lines() {
      synchronized (lines) {
        return new ArrayList<>(lines);
      }
    }

    List<String> values(String prefix) {
      return lines().stream()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(prefix.length()).split(" ")[0])
          .toList();
    }

    long count(String prefix) {
      return lines().stream().filter(l -> l.startsWith(prefix)).count();
    }

    String await(String what, Predicate<String> line, int seconds) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      synchronized (lines) {
        while (true) {
          Optional<String> hit = lines.stream().filter(line).findFirst();
          if (hit.isPresent()) {
            return hit.get();
          }
          long left = end - System.nanoTime();
          if (left <= 0 || (!process.isAlive() && lines.isEmpty())) {
            throw new AssertionError(
                "gave up waiting for "
                    + what
                    + " from "
                    + name
                    + "; it printed:\n"
                    + String.join("\n", lines));
          }
          lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
        }
      }
    }

    void kill() {
      List<ProcessHandle> kids = process.descendants().toList();
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      kids.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
