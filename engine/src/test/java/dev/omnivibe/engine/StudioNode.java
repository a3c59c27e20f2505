package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.studio.StudioOptions;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One studio node in a child JVM, for {@link StudioProcessTest} and the broker benchmark. Arguments
 * are {@code key=value}: {@code data}, {@code shared}, {@code redis}, {@code node}, {@code
 * encoders}, {@code capacity}, {@code reclaimMs}, and optionally {@code noopMs} (renders become a
 * no-op that appends "job node" to {@code shared/executions.log} and sleeps that long), {@code
 * submit}+{@code deck}+{@code offset} (queue that many variants of a deck, each a different length
 * so none is a duplicate) and {@code big} (queue one real deck).
 *
 * <p>Prints {@code READY}, {@code SUBMITTED id}, {@code RUNNING id} (when this node starts running
 * a studio job), {@code PROGRESS id percent} and {@code FINISHED id state detail} for its own jobs,
 * and {@code ALLDONE n} once all of them have finished; it exits when its stdin closes.
 */
public final class StudioNode {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StudioNode() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    Path shared = Path.of(a.get("shared"));
    String node = a.get("node");
    EngineConfig config =
        new EngineConfig(Path.of(a.get("data")), TestFfmpeg.real())
            .workers(QueueName.VIDEO, 1)
            .encoderCache(Path.of(a.get("encoders")))
            .studio(
                StudioOptions.of(a.get("redis"), node, shared)
                    .withCapacity(Integer.parseInt(a.get("capacity")))
                    .withReclaimAfter(Duration.ofMillis(Long.parseLong(a.get("reclaimMs")))));
    if (a.containsKey("noopMs")) {
      long ms = Long.parseLong(a.get("noopMs"));
      Path log = shared.resolve("executions.log");
      config.handler(
          JobType.RENDER,
          ctx -> {
            // One short O_APPEND write per run: lines from several processes do not interleave.
            Files.write(
                log,
                (ctx.job().id() + " " + node + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
            Thread.sleep(ms);
            return JobResult.none(ms);
          });
    }
    try (Engine engine = Engine.open(config)) {
      Set<String> mine = ConcurrentHashMap.newKeySet();
      Set<String> finished = ConcurrentHashMap.newKeySet();
      engine
          .queue()
          .addListener(
              e -> {
                String id = e.job().id();
                if (!mine.contains(id)) {
                  return;
                }
                if (e.kind() == JobEvent.Kind.PROGRESS) {
                  say("PROGRESS " + id + " " + e.progress().percent());
                } else if (e.job().state().isTerminal() && finished.add(id)) {
                  Job j = e.job();
                  say(
                      "FINISHED "
                          + id
                          + " "
                          + j.state()
                          + " "
                          + (j.result() != null ? j.result().output() : j.error()));
                }
              });
      watchRunning(engine);
      say("READY " + node);
      int n = Integer.parseInt(a.getOrDefault("submit", "0"));
      if (n > 0) {
        Path deck = Path.of(a.get("deck"));
        int offset = Integer.parseInt(a.getOrDefault("offset", "0"));
        for (int i = 0; i < n; i++) {
          ObjectNode d = (ObjectNode) JSON.readTree(deck.toFile());
          ((ObjectNode) d.path("slides").get(0)).put("duration", 1 + (offset + i) / 100.0);
          Job job = engine.submit(RenderRequest.local(node + "-" + i, d, deck.getParent()));
          mine.add(job.id());
          say("SUBMITTED " + job.id());
        }
      }
      if (a.containsKey("big")) {
        Path big = Path.of(a.get("big"));
        Job job =
            engine.submit(RenderRequest.local("big", JSON.readTree(big.toFile()), big.getParent()));
        mine.add(job.id());
        say("SUBMITTED " + job.id());
      }
      if (!mine.isEmpty()) {
        while (!finished.containsAll(mine)) {
          Thread.sleep(20);
        }
        long ok =
            mine.stream()
                .filter(id -> engine.job(id).orElseThrow().state().name().equals("SUCCEEDED"))
                .count();
        say("ALLDONE " + ok);
      }
      while (System.in.read() >= 0) {
        // runs until the test closes stdin (or kills it)
      }
    }
    System.exit(0);
  }

  private static void watchRunning(Engine engine) {
    Thread t =
        new Thread(
            () -> {
              Set<String> seen = new HashSet<>();
              while (true) {
                for (String id : engine.runningHere()) {
                  if (seen.add(id)) {
                    say("RUNNING " + id);
                  }
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "running-watch");
    t.setDaemon(true);
    t.start();
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** The command line for a child JVM running this class. */
  static List<String> command(Map<String, String> args) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.addAll(List.of("-cp", classpath, StudioNode.class.getName()));
    args.forEach((k, v) -> cmd.add(k + "=" + v));
    return cmd;
  }
}
