package dev.omnivibe.api;

import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.api.http.RateLimiter;
import dev.omnivibe.api.http.ResponseCache;
import dev.omnivibe.api.http.Send;
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
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP API (Javalin). Loopback by default, a bearer token on everything but {@code
 * /health} and {@code /openapi.json}, RFC 9457 errors. Middleware: timing (X-Response-Time, slow
 * log, monitor), per-caller rate limit, the response cache and gzip (in {@link Send}).
 */
public final class ApiServer implements AutoCloseable {
  public static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/", true),
          new Route("GET", "/health", false),
          new Route("GET", "/openapi.json", false),
          new Route("GET", "/metrics", true),
          new Route("GET", "/static/{path}", true),
          new Route("POST", "/api/v1/assets", true),
          new Route("POST", "/api/v1/jobs", true),
          new Route("GET", "/api/v1/jobs", true),
          new Route("GET", "/api/v1/jobs/{id}", true),
          new Route("DELETE", "/api/v1/jobs/{id}", true),
          new Route("PATCH", "/api/v1/jobs/{id}", true),
          new Route("GET", "/api/v1/jobs/{id}/output", true),
          new Route("GET", "/api/v1/jobs/{id}/events", true),
          new Route("GET", "/api/v1/queues", true),
          new Route("POST", "/api/v1/queues/{name}/pause", true),
          new Route("POST", "/api/v1/queues/{name}/resume", true),
          new Route("GET", "/api/v1/nodes", true),
          new Route("GET", "/api/v1/voice/list", true),
          new Route("POST", "/api/v1/audio/generate", true),
          new Route("GET", "/api/v1/encoders", true),
          new Route("POST", "/api/v1/encoders/refresh", true),
          new Route("GET", "/api/v1/performance/report", true),
          new Route("GET", "/api/v1/performance/insights", true),
          new Route("POST", "/api/v1/cache/invalidate", true),
          new Route("POST", "/api/v1/token/rotate", true),
          new Route("POST", "/api/v1/tokens", true),
          new Route("GET", "/api/v1/tokens", true),
          new Route("DELETE", "/api/v1/tokens/{id}", true));

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String STARTED = "omnivibe.started";
  private final Javalin app;
  private final JobEvents events;
  private final Engine engine;
  private final ResponseCache responses;
  private final TokenStore tokens;
  private final String host;
  private final JobListener invalidator;

  private ApiServer(
      Javalin app,
      JobEvents events,
      Engine engine,
      ResponseCache responses,
      TokenStore tokens,
      String host,
      JobListener invalidator) {
    this.app = app;
    this.events = events;
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
    ResponseCache responses =
        new ResponseCache(
            cache,
            config.cacheTtls,
            clock,
            ctx -> String.valueOf((Object) ctx.attribute("caller")));
    RateLimiter limiter = new RateLimiter(config.ratePerSecond, config.rateBurst, System::nanoTime);
    JobRoutes jobs = new JobRoutes(engine, config.maxJsonBytes, new Idempotency());
    JobEvents events = new JobEvents(engine);
    SystemRoutes system = new SystemRoutes(engine, responses, config.maxJsonBytes);
    PerformanceRoutes perf = new PerformanceRoutes(engine, responses);
    AssetRoutes assets = new AssetRoutes(engine, config.maxUploadBytes);
    OutputDownload output = new OutputDownload(engine);
    StaticFiles statics = new StaticFiles();
    SpeechRoutes speech = new SpeechRoutes(engine, config.maxJsonBytes);
    byte[] openapi = resource("/openapi.json");

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.disableCompression(); // Send compresses, so each encoding gets its own ETag
              cfg.http.maxRequestSize = config.maxJsonBytes;
              cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  config.maxUploadBytes + (1 << 20), SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            });
    app.before(
        ctx -> {
          ctx.attribute(STARTED, System.nanoTime());
          ctx.header("X-Cache", "MISS"); // the response cache says HIT when it answers
          authenticate(ctx, tokens, limiter);
        });
    app.after(ctx -> timing(ctx, engine, config));
    app.exception(Exception.class, (e, ctx) -> Problems.write(ctx, Problems.from(e)));
    app.error(
        404, ctx -> unmatched(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
    app.error(405, ctx -> unmatched(ctx, 405, ctx.method() + " is not allowed on " + ctx.path()));

    getAndHead(
        app,
        "/",
        responses.wrap(
            "/",
            ctx ->
                Json.send(
                    ctx,
                    Json.MAPPER
                        .createObjectNode()
                        .put("name", "OmniVibe Workstation API")
                        .put("version", "v1")
                        .put("openapi", "/openapi.json")
                        .put("jobs", "/api/v1/jobs"))));
    getAndHead(app, "/health", responses.wrap("/health", system::health));
    getAndHead(
        app,
        "/openapi.json",
        ctx ->
            Send.body(ctx, new dev.omnivibe.api.http.Body(200, "application/json", openapi, null)));
    getAndHead(app, "/metrics", perf::prometheus);
    getAndHead(app, "/static/{path}", statics::handle);
    app.post("/api/v1/assets", assets::upload);
    app.post(
        "/api/v1/jobs",
        ctx -> {
          jobs.submit(ctx);
          responses.invalidate("/api/v1/jobs*");
          responses.invalidate("/api/v1/queues*");
        });
    getAndHead(app, "/api/v1/jobs", responses.wrap("/api/v1/jobs", jobs::list));
    getAndHead(app, "/api/v1/jobs/{id}", responses.wrap("/api/v1/jobs/{id}", jobs::get));
    app.delete("/api/v1/jobs/{id}", jobs::cancel);
    app.patch("/api/v1/jobs/{id}", jobs::patch);
    getAndHead(app, "/api/v1/jobs/{id}/output", output::handle);
    app.sse("/api/v1/jobs/{id}/events", events::handle);
    getAndHead(app, "/api/v1/queues", responses.wrap("/api/v1/queues", system::queues));
    app.post("/api/v1/queues/{name}/pause", system::pause);
    app.post("/api/v1/queues/{name}/resume", system::resume);
    NodeRoutes nodeRoutes = new NodeRoutes(engine, config.nodes);
    getAndHead(app, "/api/v1/nodes", nodeRoutes::list);
    getAndHead(app, "/api/v1/voice/list", responses.wrap("/api/v1/voice/list", speech::voices));
    app.post(
        "/api/v1/audio/generate",
        ctx -> {
          speech.generate(ctx);
          responses.invalidate("/api/v1/jobs*");
          responses.invalidate("/api/v1/queues*");
        });
    getAndHead(app, "/api/v1/encoders", responses.wrap("/api/v1/encoders", system::encoders));
    app.post("/api/v1/encoders/refresh", system::refreshEncoders);
    getAndHead(
        app,
        "/api/v1/performance/report",
        responses.wrap("/api/v1/performance/report", perf::report));
    getAndHead(
        app,
        "/api/v1/performance/insights",
        responses.wrap("/api/v1/performance/insights", perf::insights));
    app.post("/api/v1/cache/invalidate", system::invalidate);
    TokenRoutes tokenRoutes = new TokenRoutes(tokens, config.maxJsonBytes);
    app.post("/api/v1/token/rotate", tokenRoutes::rotate);
    app.post("/api/v1/tokens", tokenRoutes::issue);
    app.get("/api/v1/tokens", tokenRoutes::list);
    app.delete("/api/v1/tokens/{id}", tokenRoutes::revoke);

    // A job that changes state changes every listing it appears in.
    JobListener invalidator =
        e -> {
          if (e.kind() == JobEvent.Kind.CHANGED) {
            responses.invalidate("/api/v1/jobs*");
            responses.invalidate("/api/v1/queues*");
          }
        };
    engine.addListener(invalidator);
    try {
      app.start(config.bind, config.port);
    } catch (RuntimeException e) {
      engine.removeListener(invalidator);
      events.close();
      throw new IllegalStateException(
          "cannot start the API on " + config.bind + ":" + config.port + ": " + rootMessage(e), e);
    }
    return new ApiServer(app, events, engine, responses, tokens, config.bind, invalidator);
  }

  /** GET plus HEAD: HEAD runs the same handler and Jetty drops the body, so headers match. */
  private static void getAndHead(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }

  private static void authenticate(Context ctx, TokenStore tokens, RateLimiter limiter) {
    String path = ctx.path();
    if (path.equals("/health") || path.equals("/openapi.json")) {
      ctx.attribute("caller", "anonymous");
      return;
    }
    String header = ctx.header("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).trim();
    }
    String caller =
        tokens
            .caller(token)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "Unauthorized",
                        header == null
                            ? "send the API token as 'Authorization: Bearer <token>'"
                            : "the token is not valid"));
    ctx.attribute("caller", caller);
    long wait = limiter.acquire(caller);
    if (wait > 0) {
      ctx.header("Retry-After", String.valueOf(wait));
      throw new ApiException(
          429, "Too many requests", "rate limit reached; retry in " + wait + " s");
    }
  }

  private static void timing(Context ctx, Engine engine, ApiConfig config) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    double ms = (System.nanoTime() - started) / 1e6;
    ctx.header("X-Response-Time", (Math.round(ms * 100) / 100.0) + "ms");
    String template = ctx.endpointHandlerPath();
    String op =
        ctx.method() + " " + (template == null || template.isEmpty() ? "(unmatched)" : template);
    engine
        .monitor()
        .record(op, "api", ms, ctx.statusCode() >= 500 ? Status.ERROR : Status.SUCCESS, Map.of());
    if (ms >= config.slowRequest.toMillis()) {
      LOG.warn("slow request: {} took {} ms (status {})", op, Math.round(ms), ctx.statusCode());
    }
  }

  private static void unmatched(Context ctx, int status, String detail) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("application/problem+json")) {
      Problems.write(
          ctx,
          new ApiException(status, status == 404 ? "Not found" : "Method not allowed", detail));
    }
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
    engine.removeListener(invalidator);
    events.close();
  }
}
