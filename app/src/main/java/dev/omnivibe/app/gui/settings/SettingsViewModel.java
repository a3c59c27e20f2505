package dev.omnivibe.app.gui.settings;

import dev.omnivibe.api.ApiServer;
import dev.omnivibe.app.Services;
import dev.omnivibe.app.Settings;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.Workbench;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.platform.AppDirs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings form. Apply checks every field first (nothing is saved while any is wrong), writes
 * the settings file, then applies what can change live: the API (started, stopped or restarted on
 * the new address), worker counts, and the Redis cache. Data folder, FFmpeg and the Neo4j catalog
 * apply at the next start, and the message says so.
 */
public final class SettingsViewModel {
  private final Workbench bench;
  private final Async async;
  private final AppDirs dirs;
  private volatile Settings saved;
  private final BooleanProperty apiEnabled = new SimpleBooleanProperty();
  private final StringProperty apiBind = new SimpleStringProperty();
  private final StringProperty apiPort = new SimpleStringProperty();
  private final StringProperty redisUri = new SimpleStringProperty();
  private final StringProperty neo4jUri = new SimpleStringProperty();
  private final StringProperty sharedDir = new SimpleStringProperty();
  private final Map<QueueName, StringProperty> workers = new LinkedHashMap<>();
  private final StringProperty ffmpegPath = new SimpleStringProperty();
  private final StringProperty dataDir = new SimpleStringProperty();
  private final StringProperty theme = new SimpleStringProperty("light");
  private final StringProperty apiStatus = new SimpleStringProperty("");
  private final StringProperty token = new SimpleStringProperty("");
  private final BooleanProperty tokenShown = new SimpleBooleanProperty();
  private final ObservableList<String> errors = FXCollections.observableArrayList();
  private final StringProperty message = new SimpleStringProperty("");

  public SettingsViewModel(Workbench bench, Async async, Settings settings, AppDirs dirs) {
    this.bench = bench;
    this.async = async;
    this.dirs = dirs;
    this.saved = settings;
    for (QueueName q : QueueName.values()) {
      workers.put(q, new SimpleStringProperty());
    }
    reset();
  }

  /** Puts the saved values back into the form. */
  public void reset() {
    apiEnabled.set(saved.flag("api.enabled", false));
    apiBind.set(saved.get("api.bind").orElse("127.0.0.1"));
    apiPort.set(
        saved.get("api.port").orElse(String.valueOf(dev.omnivibe.api.ApiConfig.DEFAULT_PORT)));
    redisUri.set(saved.get("redis.uri").orElse(""));
    neo4jUri.set(saved.get("neo4j.uri").orElse(""));
    sharedDir.set(saved.get("studio.shared-dir").orElse(""));
    workers.forEach(
        (q, p) -> p.set(saved.get("workers." + q.id()).orElse(String.valueOf(defaultWorkers(q)))));
    ffmpegPath.set(saved.get("ffmpeg.path").orElse(""));
    dataDir.set(saved.get("data.dir").orElse(""));
    theme.set(saved.get("ui.theme").orElse("light"));
    errors.clear();
    showApi();
  }

  private int defaultWorkers(QueueName q) {
    return bench.engine().queues().stream()
        .filter(s -> s.name() == q)
        .mapToInt(dev.omnivibe.engine.queue.QueueStatus::workers)
        .findFirst()
        .orElse(1);
  }

  /** Every problem in the form, each naming its field; empty when all values are usable. */
  public List<String> check() {
    List<String> out = new ArrayList<>();
    add(out, "API port", SettingsCheck.port(apiPort.get()));
    add(out, "API address", SettingsCheck.bind(apiBind.get()));
    add(out, "Redis URI", SettingsCheck.uri(redisUri.get(), Set.of("redis", "rediss")));
    add(
        out,
        "Neo4j URI",
        SettingsCheck.uri(neo4jUri.get(), Set.of("bolt", "neo4j", "bolt+s", "neo4j+s")));
    add(out, "Shared folder", SettingsCheck.folder(sharedDir.get()));
    workers.forEach((q, p) -> add(out, q.id() + " workers", SettingsCheck.workers(p.get())));
    add(out, "FFmpeg", SettingsCheck.executable(ffmpegPath.get()));
    add(out, "Data folder", SettingsCheck.folder(dataDir.get()));
    return out;
  }

  private static void add(List<String> out, String field, String problem) {
    if (problem != null) {
      out.add(field + " " + problem);
    }
  }

  /** Validates, saves and applies; see the class comment for what applies live. */
  public void apply() {
    List<String> problems = check();
    errors.setAll(problems);
    if (!problems.isEmpty()) {
      message.set(
          "Not saved: fix the "
              + (problems.size() == 1 ? "problem" : problems.size() + " problems")
              + " below");
      return;
    }
    Map<String, String> next = new LinkedHashMap<>();
    next.put("api.enabled", String.valueOf(apiEnabled.get()));
    next.put("api.bind", apiBind.get().trim());
    next.put("api.port", apiPort.get().trim());
    next.put("redis.uri", redisUri.get());
    next.put("neo4j.uri", neo4jUri.get());
    next.put("studio.shared-dir", sharedDir.get().trim());
    workers.forEach((q, p) -> next.put("workers." + q.id(), p.get().trim()));
    next.put("ffmpeg.path", ffmpegPath.get());
    next.put("data.dir", dataDir.get());
    next.put("ui.theme", theme.get());
    Settings before = saved;
    async.call(
        () -> applyInBackground(before, next),
        done -> {
          message.set(done);
          showApi();
        },
        e -> {
          message.set("Not applied: " + e.getMessage());
          showApi();
        });
  }

  private String applyInBackground(Settings before, Map<String, String> next) {
    Settings after = before.save(next);
    saved = after;
    Services services = new Services(after, dirs);
    List<String> done = new ArrayList<>();
    Function<String, Boolean> changed = k -> !before.get(k).equals(after.get(k));
    for (QueueName q : QueueName.values()) {
      if (changed.apply("workers." + q.id())) {
        bench.engine().queue().setWorkers(q, after.integer("workers." + q.id()).orElseThrow());
        done.add(q.id() + " workers " + after.get("workers." + q.id()).orElseThrow());
      }
    }
    boolean apiChanged =
        changed.apply("api.enabled") || changed.apply("api.bind") || changed.apply("api.port");
    if (changed.apply("redis.uri")) {
      bench.replaceCache(services.cache(null), services.apiConfig(null, null));
      done.add("cache " + bench.cache().backend());
    }
    if (apiChanged) {
      if (after.flag("api.enabled", false)) {
        bench.startApi(services.apiConfig(null, null));
        done.add("API on " + bench.api().orElseThrow().url());
      } else {
        bench.stopApi();
        done.add("API off");
      }
    }
    List<String> later = new ArrayList<>();
    for (String k : List.of("data.dir", "ffmpeg.path", "neo4j.uri", "studio.shared-dir")) {
      if (changed.apply(k)) {
        later.add(k);
      }
    }
    return "Saved."
        + (done.isEmpty() ? "" : " Applied: " + String.join(", ", done) + ".")
        + (later.isEmpty()
            ? ""
            : " Restart the app to use the new " + String.join(", ", later) + ".");
  }

  /** Issues a new API token; the old one stops working at once. */
  public void rotateToken() {
    async.call(
        () ->
            bench
                .api()
                .orElseThrow(() -> new IllegalStateException("the API is off"))
                .tokens()
                .rotate(),
        t -> {
          token.set(t);
          message.set("New token issued; scripts using the old one must be updated");
        },
        e -> message.set("Cannot rotate the token: " + e.getMessage()));
  }

  private void showApi() {
    ApiServer api = bench.api().orElse(null);
    if (api == null) {
      token.set("");
      apiStatus.set(
          bench.apiError().map(e -> "API off: it failed to start: " + e).orElse("API off"));
    } else {
      token.set(api.tokens().ownerToken());
      apiStatus.set("API on at " + api.url() + " · token kept in " + api.tokens().file());
    }
  }

  /** The token as the form shows it: dots unless the user asked to see it. */
  /** The newest log file, shown so that a user can send it with a report. */
  public String logFile() {
    return dirs.logFile().toString();
  }

  public String shownToken() {
    String t = token.get();
    if (t.isEmpty()) {
      return "(start the API to get a token)";
    }
    return tokenShown.get() ? t : "•".repeat(Math.min(24, t.length()));
  }

  public BooleanProperty apiEnabledProperty() {
    return apiEnabled;
  }

  public StringProperty apiBindProperty() {
    return apiBind;
  }

  public StringProperty apiPortProperty() {
    return apiPort;
  }

  public StringProperty redisUriProperty() {
    return redisUri;
  }

  /** The studio's shared folder (same path on every node); jobs are shared only with one. */
  public StringProperty sharedDirProperty() {
    return sharedDir;
  }

  public StringProperty neo4jUriProperty() {
    return neo4jUri;
  }

  public StringProperty workersProperty(QueueName q) {
    return workers.get(q);
  }

  public StringProperty ffmpegPathProperty() {
    return ffmpegPath;
  }

  public StringProperty dataDirProperty() {
    return dataDir;
  }

  public StringProperty themeProperty() {
    return theme;
  }

  public StringProperty apiStatusProperty() {
    return apiStatus;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public BooleanProperty tokenShownProperty() {
    return tokenShown;
  }

  public ObservableList<String> errors() {
    return errors;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public Settings saved() {
    return saved;
  }
}
