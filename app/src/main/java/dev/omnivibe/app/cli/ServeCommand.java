package dev.omnivibe.app.cli;

import dev.omnivibe.api.ApiConfig;
import dev.omnivibe.api.ApiServer;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.app.ExitCodes;
import dev.omnivibe.app.Services;
import dev.omnivibe.app.Settings;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.ffmpeg.FfmpegNotFoundException;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.platform.AppDirs;
import dev.omnivibe.engine.studio.StudioPresence;
import dev.omnivibe.engine.watch.WatchFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omnivibe serve}: a headless render node, the engine plus the HTTP API. Prints the URL and
 * where the token is kept, then runs until interrupted (Ctrl-C or SIGTERM stop it cleanly: running
 * renders go back to the queue and resume at the next start).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run a headless render node: the engine and the HTTP API.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default 8750; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network).")
  String bind;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Store, assets, outputs and token live here (default: the per-user data folder).")
  Path dataDir;

  @Option(
      names = "--redis",
      paramLabel = "URI",
      description =
          "Join a studio on Redis, e.g. redis://127.0.0.1:6379: the node registers (GET /api/v1/nodes)"
              + " and API responses are cached there.")
  String redis;

  @Option(
      names = "--neo4j",
      paramLabel = "URI",
      description =
          "Keep the catalog in Neo4j, e.g. bolt://127.0.0.1:7687 (default: SQLite in the data folder).")
  String neo4j;

  @Option(
      names = "--shared-dir",
      paramLabel = "DIR",
      description =
          "With --redis: a folder every node mounts at the same path; renders then run on any"
              + " node of the studio (default: studio.shared-dir).")
  Path sharedDir;

  @Option(names = "--ffmpeg", paramLabel = "PATH", description = "The ffmpeg executable to use.")
  Path ffmpeg;

  /** A running node. */
  public record Node(
      Engine engine, ApiServer server, Cache cache, WatchFolder watch, StudioPresence studio)
      implements AutoCloseable {
    @Override
    public void close() {
      if (studio != null) {
        studio.close();
      }
      if (watch != null) {
        watch.close();
      }
      server.close();
      engine.close();
      cache.close();
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Node node;
    try {
      node = start(spec.commandLine().getOut());
    } catch (FfmpegNotFoundException
        | IllegalStateException
        | IllegalArgumentException
        | dev.omnivibe.engine.store.StoreException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return e instanceof IllegalArgumentException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "omnivibe-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  private String[] studioUrl;

  /** This node's studio id (see {@link Services#nodeId}). */
  static String nodeId(Path data) {
    return Services.nodeId(data);
  }

  /** Starts the node and prints where it is; the caller closes it. */
  public Node start(PrintWriter out) {
    AppDirs dirs = AppDirs.forCurrentUser();
    Services services = new Services(Settings.load(dirs.config()), dirs);
    Path data = services.dataDir(dataDir);
    FfmpegTools tools = services.ffmpeg(ffmpeg);
    ApiConfig api = services.apiConfig(bind, port);
    String redisUri = services.redisUri(redis);
    Cache cache = services.cache(redis);
    Engine engine = null;
    try {
      engine =
          services.engine(data, tools, neo4j, services.studio(data, redis, sharedDir).orElse(null));
      WatchFolder watch = services.watch(engine);
      StudioPresence studio = null;
      String studioNote = null;
      if (redisUri != null) {
        Engine e = engine;
        String id = nodeId(data);
        try {
          // The API URL is filled in once the server is listening (port 0 picks one).
          String[] url = {""};
          studio = new StudioPresence(redisUri, () -> e.nodeInfo(id, url[0]), StudioPresence.TTL);
          StudioPresence joined = studio;
          api.nodes(joined::nodes);
          studioUrl = url;
        } catch (RuntimeException ex) {
          studioNote =
              "Redis at "
                  + redisUri
                  + " is unreachable ("
                  + ex.getMessage()
                  + "); this node runs on its own";
        }
      }
      ApiServer server;
      try {
        server = Services.startApi(engine, cache, data, api);
      } catch (RuntimeException e) {
        if (watch != null) {
          watch.close();
        }
        if (studio != null) {
          studio.close();
        }
        throw e;
      }
      if (studioUrl != null) {
        studioUrl[0] = server.url();
        studio.beatNow();
      }
      TokenStore tokens = server.tokens();
      out.println("OmniVibe render node");
      out.println("  API:     " + server.url());
      out.println(
          "  Token:   "
              + tokens.file()
              + " (owner-only; send it as 'Authorization: Bearer <token>')");
      out.println("  Data:    " + data);
      String catalog = neo4j != null ? neo4j : services.settings().get("neo4j.uri").orElse(null);
      out.println(
          "  Catalog: "
              + (catalog == null ? "SQLite " + data.resolve("omnivibe.db") : "Neo4j " + catalog));
      out.println(
          "  Cache:   "
              + cache.backend()
              + (redisUri != null ? " " + redisUri : "")
              + (cache.healthy() ? "" : " (unreachable now: serving uncached, retrying)"));
      if (watch != null) {
        out.println("  Watch:   " + services.settings().get("watch.folder").orElse(""));
      }
      if (studio != null) {
        out.println("  Studio:  node " + nodeId(data) + " on " + redisUri + " (GET /api/v1/nodes)");
        out.println(
            "  Jobs:    "
                + engine
                    .studioStatus()
                    .map(s -> s.startsWith("node ") ? "shared: " + s : s)
                    .orElse(
                        "run on this node only (give --shared-dir or studio.shared-dir to share"
                            + " renders with the studio)"));
      } else if (studioNote != null) {
        out.println("  Studio:  " + studioNote);
      }
      if (engine.recoveredAtStart() > 0) {
        out.println("  Resumed: " + engine.recoveredAtStart() + " job(s) interrupted last time");
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      return new Node(engine, server, cache, watch, studio);
    } catch (RuntimeException e) {
      if (engine != null) {
        engine.close();
      }
      cache.close();
      throw e;
    }
  }
}
