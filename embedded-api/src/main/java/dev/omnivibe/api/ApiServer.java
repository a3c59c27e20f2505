package dev.omnivibe.api;

import dev.omnivibe.api.auth.Role;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.api.http.Body;
import dev.omnivibe.api.http.Gate;
import dev.omnivibe.api.http.JettyErrors;
import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.api.http.Send;
import dev.omnivibe.api.http.Timing;
import dev.omnivibe.api.metrics.Meters;
import dev.omnivibe.api.routes.AssetRoutes;
import dev.omnivibe.api.routes.Idempotency;
import dev.omnivibe.api.routes.JobEvents;
import dev.omnivibe.api.routes.JobRoutes;
import dev.omnivibe.api.routes.NodeRoutes;
import dev.omnivibe.api.routes.OutputDownload;
import dev.omnivibe.api.routes.PerformanceRoutes;
import dev.omnivibe.api.routes.SpeechRoutes;
import dev.omnivibe.api.routes.StaticFiles;
import dev.omnivibe.api.routes.SystemRoutes;
import dev.omnivibe.api.routes.TokenRoutes;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The embedded HTTP API (Javalin 7 on Jetty 12). Loopback by default, a bearer token with a role on
 * everything but {@code /health} and {@code /openapi.json}, RFC 9457 errors (Jetty's own included).
 * Middleware: timing (X-Response-Time, slow log, monitor), the {@link Gate} (token, rate limits,
 * role), the response cache and gzip (in {@link Send}).
 */
public final class ApiServer implements AutoCloseable {
  private static final Role SUBMITTER = Role.SUBMITTER;
  private static final Role OPERATOR = Role.OPERATOR;
  private static final Role OWNER = Role.OWNER;

  public static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/", SUBMITTER),
          new Route("GET", "/health", null),
          new Route("GET", "/openapi.json", null),
          new Route("GET", "/metrics", OPERATOR),
          new Route("GET", "/static/{path}", SUBMITTER),
          new Route("POST", "/api/v1/assets", SUBMITTER),
          new Route("POST", "/api/v1/jobs", SUBMITTER),
          new Route("GET", "/api/v1/jobs", SUBMITTER),
          new Route("GET", "/api/v1/jobs/{id}", SUBMITTER),
          new Route("DELETE", "/api/v1/jobs/{id}", SUBMITTER),
          new Route("PATCH", "/api/v1/jobs/{id}", SUBMITTER),
          new Route("GET", "/api/v1/jobs/{id}/output", SUBMITTER),
          new Route("GET", "/api/v1/jobs/{id}/events", SUBMITTER),
          new Route("GET", "/api/v1/queues", SUBMITTER),
          new Route("POST", "/api/v1/queues/{name}/pause", OPERATOR),
          new Route("POST", "/api/v1/queues/{name}/resume", OPERATOR),
          new Route("GET", "/api/v1/nodes", OPERATOR),
          new Route("GET", "/api/v1/voice/list", SUBMITTER),
          new Route("POST", "/api/v1/audio/generate", SUBMITTER),
          new Route("GET", "/api/v1/encoders", SUBMITTER),
          new Route("POST", "/api/v1/encoders/refresh", OPERATOR),
          new Route("GET", "/api/v1/performance/report", OPERATOR),
          new Route("GET", "/api/v1/performance/insights", OPERATOR),
          new Route("POST", "/api/v1/cache/invalidate", OPERATOR),
          new Route("POST", "/api/v1/token/rotate", OWNER),
          new Route("POST", "/api/v1/tokens", OWNER),
          new Route("GET", "/api/v1/tokens", OWNER),
          new Route("DELETE", "/api/v1/tokens/{id}", OWNER));

  private final Javalin app;
  private final JobEvents events;
  private final Engine engine;
  private final ResponseCache responses;
  private final TokenStore tokens;
  private final String host;
  private final JobListener invalidator;
  private final Meters meters;

  private ApiServer(
      Javalin app,
      JobEvents events,
      Meters meters,
      Engine engine,
      ResponseCache responses,
      TokenStore tokens,
      String host,
      JobListener invalidator) {
    this.app = app;
    this.events = events;
    this.meters = meters;
    this.engine = engine;
    this.responses = responses;
    this.tokens = tokens;
    this.host = host;
    this.invalidator = invalidator;
  }

  /**
   * Starts the API.
   *
   * @throws IllegalStateException when the address is taken or cannot be bound
   */
  public static ApiServer start(Engine engine, Cache cache, TokenStore tokens, ApiConfig config) {
    Clock clock = Clock.systemUTC();
    Send.gzipMinBytes(config.gzipMinBytes);
    // Entries belong to this data folder and to the token that asked: another node on the same
    // Redis, or another token here, can never be answered with them.
    ResponseCache responses =
        new ResponseCache(
            cache,
            config.cacheTtls,
            clock,
            engine.instanceId(),
            ctx -> Gate.caller(ctx).tokenKey());
    Gate gate = new Gate(tokens, ROUTES, config.rates, config.failedTokensPerSecond);
    Timing timing = new Timing(engine.recorder(), config.slowRequest);
    JobEvents events = new JobEvents(engine, config.streamsPerCaller, config.streamsInTotal);
    Meters meters = new Meters(engine, responses);
    byte[] openapi = resource("/openapi.json");
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              // Send compresses, so each encoding gets its own ETag.
              cfg.http.compressionStrategy = CompressionStrategy.NONE;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = config.maxJsonBytes;
              cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  config.maxUploadBytes + (1 << 20), SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JettyErrors()));
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              RoutesConfig r = cfg.routes;
              r.before(
                  ctx -> {
                    timing.start(ctx);
                    ctx.header("X-Cache", "MISS"); // the response cache says HIT when it answers
                    gate.authenticate(ctx);
                  });
              r.after(timing::finish);
              r.exception(Exception.class, (e, ctx) -> Problems.write(ctx, Problems.from(e)));
              r.error(404, ctx -> unmatched(ctx, 404, "no such endpoint: " + ctx.path()));
              r.error(405, ApiServer::notAllowed);
              routes(r, engine, responses, tokens, config, events, meters, openapi);
            });
    // A job that changes state changes every listing it appears in.
    JobListener invalidator =
        e -> {
          if (e.kind() == JobEvent.Kind.CHANGED) {
            responses.invalidate("/api/v1/jobs*");
            responses.invalidate("/api/v1/queues*");
          }
        };
    engine.queue().addListener(invalidator);
    try {
      app.start(config.bind, config.port);
    } catch (RuntimeException e) {
      engine.queue().removeListener(invalidator);
      events.close();
      meters.close();
      throw new IllegalStateException(
          "cannot start the API on " + config.bind + ":" + config.port + ": " + rootMessage(e), e);
    }
    return new ApiServer(app, events, meters, engine, responses, tokens, config.bind, invalidator);
  }

  private static void routes(
      RoutesConfig r,
      Engine engine,
      ResponseCache responses,
      TokenStore tokens,
      ApiConfig config,
      JobEvents events,
      Meters meters,
      byte[] openapi) {
    JobRoutes jobs = new JobRoutes(engine, config.maxJsonBytes, new Idempotency());
    SystemRoutes system = new SystemRoutes(engine, responses, config.maxJsonBytes);
    PerformanceRoutes perf = new PerformanceRoutes(engine, responses, meters);
    SpeechRoutes speech = new SpeechRoutes(engine, config.maxJsonBytes);
    TokenRoutes tokenRoutes = new TokenRoutes(tokens, config.maxJsonBytes);
    getAndHead(r, "/", responses.wrap("/", ApiServer::index));
    getAndHead(r, "/health", responses.wrap("/health", system::health));
    getAndHead(
        r,
        "/openapi.json",
        ctx -> Send.body(ctx, new Body(200, "application/json", openapi, null)));
    getAndHead(r, "/metrics", perf::prometheus);
    getAndHead(r, "/static/{path}", new StaticFiles()::handle);
    r.post("/api/v1/assets", new AssetRoutes(engine, config.maxUploadBytes)::upload);
    // Writes invalidate the listings they change before answering, so the next GET sees them.
    Handler listings =
        ctx -> {
          responses.invalidate("/api/v1/jobs*");
          responses.invalidate("/api/v1/queues*");
        };
    r.post("/api/v1/jobs", then(jobs::submit, listings));
    getAndHead(r, "/api/v1/jobs", responses.wrap("/api/v1/jobs", jobs::list));
    getAndHead(r, "/api/v1/jobs/{id}", responses.wrap("/api/v1/jobs/{id}", jobs::get));
    r.delete("/api/v1/jobs/{id}", then(jobs::cancel, listings));
    r.patch("/api/v1/jobs/{id}", then(jobs::patch, listings));
    getAndHead(r, "/api/v1/jobs/{id}/output", new OutputDownload(engine)::handle);
    r.get("/api/v1/jobs/{id}/events", events::handle);
    getAndHead(r, "/api/v1/queues", responses.wrap("/api/v1/queues", system::queues));
    r.post("/api/v1/queues/{name}/pause", system::pause);
    r.post("/api/v1/queues/{name}/resume", system::resume);
    getAndHead(r, "/api/v1/nodes", new NodeRoutes(engine, config.nodes)::list);
    getAndHead(r, "/api/v1/voice/list", responses.wrap("/api/v1/voice/list", speech::voices));
    r.post("/api/v1/audio/generate", then(speech::generate, listings));
    getAndHead(r, "/api/v1/encoders", responses.wrap("/api/v1/encoders", system::encoders));
    r.post("/api/v1/encoders/refresh", system::refreshEncoders);
    getAndHead(
        r,
        "/api/v1/performance/report",
        responses.wrap("/api/v1/performance/report", perf::report));
    getAndHead(
        r,
        "/api/v1/performance/insights",
        responses.wrap("/api/v1/performance/insights", perf::insights));
    r.post("/api/v1/cache/invalidate", system::invalidate);
    r.post("/api/v1/token/rotate", tokenRoutes::rotate);
    r.post("/api/v1/tokens", tokenRoutes::issue);
    getAndHead(r, "/api/v1/tokens", tokenRoutes::list);
    r.delete("/api/v1/tokens/{id}", tokenRoutes::revoke);
  }

  private static void index(Context ctx) {
    Json.send(
        ctx,
        Json.MAPPER
            .createObjectNode()
            .put("name", "OmniVibe Workstation API")
            .put("version", "v1")
            .put("openapi", "/openapi.json")
            .put("jobs", "/api/v1/jobs"));
  }

  /** GET plus HEAD: HEAD runs the same handler and checks; Jetty drops the body. */
  private static void getAndHead(RoutesConfig r, String path, Handler handler) {
    r.get(path, handler);
    r.head(path, handler);
  }

  private static Handler then(Handler first, Handler second) {
    return ctx -> {
      first.handle(ctx);
      second.handle(ctx);
    };
  }

  private static void unmatched(Context ctx, int status, String detail) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("application/problem+json")) {
      Problems.write(
          ctx,
          new ApiException(status, status == 404 ? "Not found" : "Method not allowed", detail));
    }
  }

  /** 405 with the methods the path does take (RFC 9110 15.5.6). */
  private static void notAllowed(Context ctx) {
    String allow =
        ROUTES.stream()
            .filter(r -> r.fits(ctx.path()))
            .flatMap(
                r ->
                    r.method().equals("GET")
                        ? java.util.stream.Stream.of("GET", "HEAD")
                        : java.util.stream.Stream.of(r.method()))
            .distinct()
            .collect(Collectors.joining(", "));
    ctx.header("Allow", allow);
    unmatched(ctx, 405, ctx.method() + " is not allowed on " + ctx.path() + "; it takes " + allow);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }

  public int port() {
    return app.port();
  }

  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + (h.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port();
  }

  public TokenStore tokens() {
    return tokens;
  }

  public ResponseCache responses() {
    return responses;
  }

  public Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    app.stop();
    engine.queue().removeListener(invalidator);
    events.close();
    meters.close();
  }
}
