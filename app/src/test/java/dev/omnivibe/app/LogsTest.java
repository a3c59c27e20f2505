package dev.omnivibe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.platform.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Log records reach a file in the state folder, and a folder that cannot be written is named. */
class LogsTest {
  @TempDir Path dir;

  @AfterEach
  void closeFiles() {
    for (Handler h : Logger.getLogger("").getHandlers()) {
      h.close();
    }
  }

  @Test
  void recordsGoToTheStateFolder() throws Exception {
    AppDirs dirs =
        new AppDirs(
            dir.resolve("data"), dir.resolve("cache"), dir.resolve("config"), dir.resolve("st"));
    Path file = Logs.install(dirs);
    assertThat(file).isEqualTo(dir.resolve("st/omnivibe-0.log"));
    LoggerFactory.getLogger("dev.omnivibe.test").info("render {} finished", "job-42");
    LoggerFactory.getLogger("io.javalin.chatter").info("not worth a line");
    LoggerFactory.getLogger("io.javalin.chatter").warn("worth a line");
    Logger.getLogger("javafx")
        .warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module'");
    Logger.getLogger("javafx").warning("a JavaFX warning that matters");
    for (Handler h : Logger.getLogger("").getHandlers()) {
      h.flush();
    }
    String text = Files.readString(file);
    assertThat(text)
        .contains("INFO dev.omnivibe.test - render job-42 finished")
        .contains("WARN io.javalin.chatter - worth a line")
        .contains("WARN javafx - a JavaFX warning that matters")
        .doesNotContain("not worth a line")
        .doesNotContain("Unsupported JavaFX configuration");
  }

  @Test
  void anUnwritableFolderCostsOnlyTheFile() throws Exception {
    Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
    AppDirs dirs =
        new AppDirs(
            dir.resolve("data"),
            dir.resolve("cache"),
            dir.resolve("config"),
            blocker.resolve("st"));
    assertThat(Logs.install(dirs)).isNull();
    LoggerFactory.getLogger("dev.omnivibe.test").info("still logged to the terminal");
  }
}
