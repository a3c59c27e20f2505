package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine in a child JVM for {@link CrashTest}. {@code submit DATA ENCODERS DECK...} queues one
 * render per deck and reports progress until it is killed; {@code resume DATA ENCODERS} reopens the
 * store and exits once every job has finished.
 */
public final class CrashNode {
  private CrashNode() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[1]);
    EngineConfig config =
        new EngineConfig(data, TestFfmpeg.real())
            .workers(QueueName.VIDEO, 1)
            .encoderCache(Path.of(args[2]));
    try (Engine engine = Engine.open(config)) {
      System.out.println("RECOVERED " + engine.recoveredAtStart());
      if (args[0].equals("submit")) {
        engine
            .queue()
            .addListener(
                e -> {
                  if (e.kind() == JobEvent.Kind.PROGRESS) {
                    System.out.println("PROGRESS " + e.job().id() + " " + e.progress().percent());
                  }
                });
        for (int i = 3; i < args.length; i++) {
          Path deck = Path.of(args[i]);
          Job job =
              engine.submit(
                  RenderRequest.local(
                      "job-" + (i - 2),
                      new ObjectMapper().readTree(deck.toFile()),
                      deck.getParent()));
          System.out.println("SUBMITTED " + job.id());
        }
        Thread.sleep(Duration.ofMinutes(10).toMillis());
      } else {
        while (!engine.queues().stream().allMatch(q -> q.depth() == 0 && q.running() == 0)) {
          Thread.sleep(50);
        }
        System.out.println("DONE");
      }
    }
    System.exit(0);
  }

  static List<String> command(String mode, Path data, Path encoders, List<Path> decks) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    var cmd = new java.util.ArrayList<String>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Djava.awt.headless=true");
    String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
    if (cache != null) {
      cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
    }
    cmd.addAll(
        List.of(
            "-cp",
            classpath,
            CrashNode.class.getName(),
            mode,
            data.toString(),
            encoders.toString()));
    decks.forEach(d -> cmd.add(d.toString()));
    return cmd;
  }
}
