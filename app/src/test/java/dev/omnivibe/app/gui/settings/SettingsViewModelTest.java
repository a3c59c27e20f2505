package dev.omnivibe.app.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.Settings;
import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.app.gui.Workbench;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.platform.AppDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings against a real engine and the real embedded API. */
class SettingsViewModelTest {
  GuiFixture fx;
  Workbench bench;
  AppDirs dirs;
  SettingsViewModel vm;

  @BeforeEach
  void open() {
    fx = GuiFixture.open();
    dirs = new AppDirs(fx.dir.resolve("data"), fx.dir.resolve("cache"), fx.dir.resolve("config"));
    bench = new Workbench(fx.engine, new CaffeineCache(1 << 20), fx.dir.resolve("data"));
    vm = new SettingsViewModel(bench, Async.direct(), Settings.load(dirs.config()), dirs);
  }

  @AfterEach
  void close() {
    bench.close();
  }

  Path file() {
    return dirs.config().resolve("omnivibe.properties");
  }

  @Test
  void theLogFileIsInTheStateFolder() {
    assertThat(vm.logFile()).isEqualTo(dirs.state().resolve("omnivibe-0.log").toString());
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsSaved() {
    vm.apiPortProperty().set("99999");
    vm.redisUriProperty().set("http://cache:6379");
    vm.workersProperty(QueueName.VIDEO).set("zero");
    vm.ffmpegPathProperty().set("/no/such/ffmpeg");
    vm.apply();

    assertThat(vm.errors())
        .anySatisfy(e -> assertThat(e).startsWith("API port"))
        .anySatisfy(e -> assertThat(e).startsWith("Redis URI must start with"))
        .anySatisfy(e -> assertThat(e).startsWith("video workers"))
        .anySatisfy(e -> assertThat(e).startsWith("FFmpeg no executable"));
    assertThat(vm.messageProperty().get()).startsWith("Not saved");
    assertThat(file()).doesNotExist();
    assertThat(bench.api()).isEmpty();
  }

  @Test
  void turningTheApiOnStartsItAndTheTokenWorks() throws Exception {
    vm.apiEnabledProperty().set(true);
    vm.apiPortProperty().set("0");
    vm.apply();

    assertThat(vm.errors()).isEmpty();
    assertThat(bench.api()).isPresent();
    assertThat(vm.apiStatusProperty().get()).contains(bench.api().get().url());
    assertThat(Files.readString(file())).contains("api.enabled=true");
    String token = vm.tokenProperty().get();
    assertThat(vm.shownToken()).doesNotContain(token);
    vm.tokenShownProperty().set(true);
    assertThat(vm.shownToken()).isEqualTo(token);
    assertThat(get("/api/v1/queues", token)).isEqualTo(200);

    vm.rotateToken();
    assertThat(vm.tokenProperty().get()).isNotEqualTo(token);
    assertThat(get("/api/v1/queues", token)).isEqualTo(401);
    assertThat(get("/api/v1/queues", vm.tokenProperty().get())).isEqualTo(200);

    vm.apiEnabledProperty().set(false);
    vm.apply();
    assertThat(bench.api()).isEmpty();
    assertThat(vm.apiStatusProperty().get()).isEqualTo("API off");
  }

  int get(String path, String token) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(bench.api().orElseThrow().url() + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void workerCountsApplyLiveAndTheRestWaitsForARestart() {
    vm.workersProperty(QueueName.VIDEO).set("3");
    vm.neo4jUriProperty().set("bolt://studio:7687");
    vm.sharedDirProperty().set("/mnt/studio");
    vm.dataDirProperty().set(fx.dir.resolve("elsewhere").toString());
    vm.apply();

    assertThat(
            fx.engine.queues().stream()
                .filter(q -> q.name() == QueueName.VIDEO)
                .findFirst()
                .orElseThrow()
                .workers())
        .isEqualTo(3);
    assertThat(vm.messageProperty().get())
        .contains("video workers 3")
        .contains("Restart the app to use the new data.dir, neo4j.uri, studio.shared-dir");
    Settings reread = Settings.load(dirs.config());
    assertThat(reread.get("workers.video")).contains("3");
    assertThat(reread.get("neo4j.uri")).contains("bolt://studio:7687");
    assertThat(reread.get("studio.shared-dir")).contains("/mnt/studio");

    SettingsViewModel again = new SettingsViewModel(bench, Async.direct(), reread, dirs);
    assertThat(again.workersProperty(QueueName.VIDEO).get()).isEqualTo("3");
  }

  @Test
  void aRelativeSharedFolderIsNamedAndNothingIsSaved() {
    vm.sharedDirProperty().set("shared");
    vm.apply();
    assertThat(vm.errors()).anyMatch(e -> e.startsWith("Shared folder must be an absolute path"));
    assertThat(Settings.load(dirs.config()).get("studio.shared-dir")).isEmpty();
  }

  @Test
  void revertPutsTheSavedValuesBack() {
    vm.apiBindProperty().set("0.0.0.0");
    vm.reset();
    assertThat(vm.apiBindProperty().get()).isEqualTo("127.0.0.1");
  }
}
