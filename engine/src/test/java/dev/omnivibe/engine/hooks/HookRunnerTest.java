package dev.omnivibe.engine.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.omnivibe.engine.adapters.memory.MemoryStore;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.testkit.Await;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks against a real local HTTP receiver and real programs. */
class HookRunnerTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  @TempDir Path dir;
  HttpServer receiver;
  final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  final List<Map<String, String>> headers = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger attempts = new AtomicInteger();
  volatile int failFirst;
  volatile int failWith = 503;
  final PerformanceMonitor monitor = new PerformanceMonitor(Clock.systemUTC(), new MemoryStore());

  @BeforeEach
  void receiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          int n = attempts.incrementAndGet();
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int code = n <= failFirst ? failWith : 204;
          if (code == 204) {
            bodies.add(body);
            headers.add(
                Map.of(
                    "event", ex.getRequestHeaders().getFirst("X-OmniVibe-Event"),
                    "signature",
                        String.valueOf(ex.getRequestHeaders().getFirst("X-OmniVibe-Signature")),
                    "type", ex.getRequestHeaders().getFirst("Content-Type")));
          }
          ex.sendResponseHeaders(code, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  static Job finished(JobState state) {
    Job q =
        Job.queued(
            "job-1",
            "Launch video",
            JobType.RENDER,
            QueueName.VIDEO,
            5,
            1,
            Payload.of(JsonNodeFactory.instance.objectNode()),
            null,
            null,
            T0);
    JobBuilder b = q.to(JobState.RUNNING, T0).transition(state, T0);
    if (state == JobState.SUCCEEDED) {
      b.result = new JobResult("/out/launch.mp4", 10, "ab", "libx264", null, 1, 1, 1, 1, 1, null);
    }
    return b.build();
  }

  HookRunner runner(List<Hook> global, String secret) {
    return new HookRunner(
        new HookSettings(
            global,
            Duration.ofSeconds(2),
            3,
            Duration.ofMillis(20),
            secret,
            // The receivers here listen on loopback, which a job's webhook may reach only when
            // the node allows it.
            new WebhookTargets(false, List.of("127.0.0.1"))),
        j -> List.of(),
        j -> "{\"id\":\"" + j.id() + "\",\"state\":\"" + j.state() + "\"}",
        monitor);
  }

  void fire(HookRunner r, Job job) {
    r.onEvent(new JobEvent(JobEvent.Kind.CHANGED, job, JobProgress.DONE));
  }

  @Test
  void aWebhookGetsTheJobSignedAndSurvivesTwoServerErrors() {
    failFirst = 2;
    try (HookRunner r = runner(List.of(new WebhookHook(url())), "s3cret")) {
      fire(r, finished(JobState.SUCCEEDED));
      Await.until("the webhook", () -> !bodies.isEmpty());
    }
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(bodies).containsExactly("{\"id\":\"job-1\",\"state\":\"SUCCEEDED\"}");
    assertThat(headers.get(0))
        .containsEntry("event", "job.succeeded")
        .containsEntry("type", "application/json")
        .containsEntry("signature", "sha256=" + WebhookSignature.of("s3cret", bodies.get(0)));
    assertThat(monitor.report("hooks", Duration.ofHours(1)).operations().get("webhook").count())
        .isEqualTo(1);
  }

  @Test
  void aRefusedWebhookIsNotRetriedAndTheFailureIsRecorded() {
    failFirst = 99;
    failWith = 400;
    try (HookRunner r = runner(List.of(new WebhookHook(url())), null)) {
      fire(r, finished(JobState.FAILED));
    }
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(monitor.report("hooks", Duration.ofHours(1)).total().failures()).isEqualTo(1);
  }

  @Test
  void anUnreachableWebhookIsRetriedThenGivenUp() {
    receiver.stop(0);
    try (HookRunner r = runner(List.of(new WebhookHook(url())), null)) {
      fire(r, finished(JobState.SUCCEEDED));
    }
    assertThat(monitor.report("hooks", Duration.ofHours(1)).total().failures()).isEqualTo(1);
  }

  @Test
  void globalHooksAreForRendersNotTheNarrationBehindThem() {
    try (HookRunner r = runner(List.of(new WebhookHook(url())), null)) {
      Job q =
          Job.queued(
              "n-1",
              "Deck · narration 1",
              JobType.NARRATION,
              QueueName.AUDIO,
              5,
              1,
              Payload.of(JsonNodeFactory.instance.objectNode()),
              null,
              null,
              T0);
      fire(r, q.to(JobState.RUNNING, T0).to(JobState.SUCCEEDED, T0));
    }
    assertThat(attempts.get()).isZero();
  }

  @Test
  void onlyFinishedJobsFireHooks() {
    try (HookRunner r = runner(List.of(new WebhookHook(url())), null)) {
      Job running = finished(JobState.SUCCEEDED).edit().build();
      r.onEvent(new JobEvent(JobEvent.Kind.PROGRESS, running, JobProgress.NONE));
      Job q =
          Job.queued(
              "job-2",
              "x",
              JobType.RENDER,
              QueueName.VIDEO,
              5,
              1,
              Payload.of(JsonNodeFactory.instance.objectNode()),
              null,
              null,
              T0);
      fire(r, q);
    }
    assertThat(attempts.get()).isZero();
  }

  @Test
  void aCommandRunsWithoutAShellWithPlaceholdersEnvironmentAndTheJobOnStdin() throws Exception {
    Path out = dir.resolve("ran.txt");
    Path script = dir.resolve("record");
    Files.writeString(
        script,
        "#!/bin/sh\nprintf '%s|' \"$@\" > \""
            + out
            + "\"\necho \"$OMNIVIBE_JOB_STATE $OMNIVIBE_OUTPUT\" >> \""
            + out
            + "\"\ncat >> \""
            + out
            + "\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Hook hook =
        Hook.command(
            List.of(script.toString(), "{name}", "done; rm -rf /", "{output}"), System.getenv());
    try (HookRunner r = runner(List.of(hook), null)) {
      fire(r, finished(JobState.SUCCEEDED));
      Await.until("the command", () -> read(out).contains("}"));
    }
    List<String> lines = Files.readAllLines(out);
    // "done; rm -rf /" arrives as one harmless argument: there is no shell to interpret it.
    assertThat(lines.get(0))
        .isEqualTo("Launch video|done; rm -rf /|/out/launch.mp4|SUCCEEDED /out/launch.mp4");
    assertThat(lines.get(1)).isEqualTo("{\"id\":\"job-1\",\"state\":\"SUCCEEDED\"}");
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void aMissingProgramOrABadUrlIsNamedWhenTheHookIsMade() {
    assertThatThrownBy(
            () -> Hook.command(List.of("no-such-program-xyz"), Map.of("PATH", "/usr/bin")))
        .hasMessageContaining("'no-such-program-xyz' not found on PATH");
    assertThatThrownBy(() -> Hook.command(List.of("/nope/notify"), Map.of()))
        .hasMessageContaining("'/nope/notify' not found");
    assertThatThrownBy(() -> Hook.webhook("ftp://example.org/x"))
        .hasMessageContaining("http:// or https://");
    assertThat(Hook.webhook("https://example.org/hook").url().getHost()).isEqualTo("example.org");
  }
}
