package dev.omnivibe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  ServeCommand.Node start(Path data, StringWriter out) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd).parseArgs("--port", "0", "--data-dir", data.toString());
    return cmd.start(new PrintWriter(out, true));
  }

  @Test
  void printsTheUrlAndTokenFileAndServes() throws Exception {
    StringWriter out = new StringWriter();
    try (ServeCommand.Node node = start(dir.resolve("node"), out)) {
      Matcher url = Pattern.compile("API: +(http://127\\.0\\.0\\.1:\\d+)").matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      Matcher token = Pattern.compile("Token: +(\\S+)").matcher(out.toString());
      assertThat(token.find()).isTrue();
      Path tokenFile = Path.of(token.group(1));
      assertThat(tokenFile).startsWith(dir.resolve("node"));
      String secret = Files.readString(tokenFile).trim();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> queues =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/queues"))
                  .header("Authorization", "Bearer " + secret)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(queues.statusCode()).isEqualTo(200);
      assertThat(queues.body()).contains("\"video\"");
    }
  }

  @Test
  void twoNodesWithDifferentDataFoldersRunSideBySide() {
    try (ServeCommand.Node a = start(dir.resolve("a"), new StringWriter());
        ServeCommand.Node b = start(dir.resolve("b"), new StringWriter())) {
      assertThat(a.server().port()).isNotEqualTo(b.server().port());
      assertThat(a.server().tokens().ownerToken()).isNotEqualTo(b.server().tokens().ownerToken());
    }
  }

  @Test
  void aSecondNodeOnTheSameFolderIsRefusedClearly() {
    try (ServeCommand.Node a = start(dir.resolve("same"), new StringWriter())) {
      StringWriter err = new StringWriter();
      CommandLine cl = new CommandLine(new ServeCommand());
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute("--port", "0", "--data-dir", dir.resolve("same").toString());
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("another OmniVibe engine");
    }
  }

  @Test
  void aWatchFolderFromTheConfigQueuesWhatIsDropped() throws Exception {
    Path home = dir.resolve("home");
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/omnivibe.properties"),
        "watch.folder=" + drop + "\nwatch.settle-seconds=1\nwatch.priority=8\n");
    System.setProperty("omnivibe.home", home.toString());
    try {
      StringWriter out = new StringWriter();
      try (ServeCommand.Node node = start(dir.resolve("node"), out)) {
        assertThat(out.toString()).contains("Watch:   " + drop);
        dev.omnivibe.engine.testkit.TestDecks.tiny(drop.resolve("quarterly"), 2, 1.0, 0.5, null);
        var job =
            dev.omnivibe.engine.testkit.Await.value(
                "the dropped deck to be queued",
                () -> node.engine().jobs(dev.omnivibe.engine.store.JobQuery.all(10)).jobs(),
                jobs -> !jobs.isEmpty());
        assertThat(job.get(0).name()).isEqualTo("quarterly");
        assertThat(job.get(0).priority()).isEqualTo(8);
      }
      Files.writeString(
          home.resolve("config/omnivibe.properties"),
          "watch.folder=" + dir.resolve("missing") + "\n");
      StringWriter err = new StringWriter();
      CommandLine cl = new CommandLine(new ServeCommand());
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute("--port", "0", "--data-dir", dir.resolve("node2").toString());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString())
          .contains("the watch folder " + dir.resolve("missing") + " does not exist");
    } finally {
      System.clearProperty("omnivibe.home");
    }
  }

  @Test
  void anUnreachableNeo4jCatalogIsNamedAndNotSwappedForSqlite() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ServeCommand());
    cl.setErr(new PrintWriter(err, true));
    Path data = dir.resolve("studio-node");
    int code =
        cl.execute("--port", "0", "--data-dir", data.toString(), "--neo4j", "bolt://127.0.0.1:1");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the Neo4j catalog at bolt://127.0.0.1:1");
    assertThat(data.resolve("omnivibe.db")).as("no SQLite store in its place").doesNotExist();
  }

  static com.fasterxml.jackson.databind.JsonNode nodes(ServeCommand.Node node) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.server().url() + "/api/v1/nodes"))
                    .header("Authorization", "Bearer " + node.server().tokens().ownerToken())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }

  ServeCommand.Node startOn(Path data, String redis, StringWriter out) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd).parseArgs("--port", "0", "--data-dir", data.toString(), "--redis", redis);
    return cmd.start(new PrintWriter(out, true));
  }

  @Test
  void nodesOnOneRedisSeeEachOther() throws Exception {
    var redis = dev.omnivibe.engine.testkit.RedisServer.shared();
    StringWriter outA = new StringWriter();
    try (ServeCommand.Node a = startOn(dir.resolve("a"), redis.uri(), outA);
        ServeCommand.Node b = startOn(dir.resolve("b"), redis.uri(), new StringWriter())) {
      assertThat(outA.toString())
          .contains("Studio:  node " + ServeCommand.nodeId(dir.resolve("a")));
      var listed = nodes(a);
      assertThat(listed.get("studio").asBoolean()).isTrue();
      assertThat(listed.get("nodes").findValuesAsText("id"))
          .contains(ServeCommand.nodeId(dir.resolve("a")), ServeCommand.nodeId(dir.resolve("b")));
      assertThat(listed.get("nodes").findValuesAsText("api"))
          .contains(a.server().url(), b.server().url());
      assertThat(nodes(b).get("nodes").findValuesAsText("id"))
          .contains(ServeCommand.nodeId(dir.resolve("a")));
    }
  }

  @Test
  void withASharedFolderARenderSubmittedOnOneNodeIsRecordedThereAndWrittenToTheSharedFolder()
      throws Exception {
    var redis = dev.omnivibe.engine.testkit.RedisServer.start();
    Path shared = dir.resolve("shared");
    StringWriter out = new StringWriter();
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--port",
            "0",
            "--data-dir",
            dir.resolve("n").toString(),
            "--redis",
            redis.uri(),
            "--shared-dir",
            shared.toString());
    try (ServeCommand.Node node = cmd.start(new PrintWriter(out, true))) {
      assertThat(out.toString())
          .contains("Jobs:    shared: node " + ServeCommand.nodeId(dir.resolve("n")))
          .contains("shared folder " + shared);
      Path deck =
          dev.omnivibe.engine.testkit.TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0.5, null);
      var job =
          node.engine()
              .submit(
                  dev.omnivibe.engine.request.RenderRequest.local(
                      "Shared",
                      new com.fasterxml.jackson.databind.ObjectMapper().readTree(deck.toFile()),
                      deck.getParent()));
      var done =
          dev.omnivibe.engine.testkit.Await.value(
              "the studio render",
              () -> node.engine().job(job.id()).orElseThrow(),
              j -> j.state().isTerminal());
      assertThat(done.state())
          .as("%s", done.error())
          .isEqualTo(dev.omnivibe.engine.job.JobState.SUCCEEDED);
      assertThat(Path.of(done.result().output()).getParent())
          .isEqualTo(shared.resolve("outputs").toAbsolutePath().normalize());
    } finally {
      redis.stop();
    }
  }

  @Test
  void withRedisDownTheNodeSaysSoAndRunsOnItsOwn() throws Exception {
    StringWriter out = new StringWriter();
    try (ServeCommand.Node node = startOn(dir.resolve("alone"), "redis://127.0.0.1:1", out)) {
      assertThat(out.toString())
          .contains("Studio:  Redis at redis://127.0.0.1:1 is unreachable")
          .contains("runs on its own");
      var listed = nodes(node);
      assertThat(listed.get("studio").asBoolean()).isFalse();
      assertThat(listed.get("nodes")).hasSize(1);
    }
  }
}
