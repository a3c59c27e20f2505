package dev.omnivibe.engine.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locator against fake builds that list what a real one would: which candidate wins, and what
 * the user is told about the others.
 */
class FfmpegLocatorTest {
  @TempDir Path dir;

  @Test
  void aNamedBuildWinsInTheDocumentedOrder() throws Exception {
    Path opt = build("opt", Map.of());
    Path conf = build("conf", Map.of());
    Path env = build("env", Map.of());
    Path path = build("path", Map.of());
    Map<String, String> vars =
        Map.of("OMNIVIBE_FFMPEG", env.toString(), "PATH", path.getParent().toString());
    FfmpegLocator locator = new FfmpegLocator(vars, bundle(build("bundled", Map.of())), null);
    assertThat(locator.locate(opt, conf).source()).isEqualTo(FfmpegSource.OPTION);
    assertThat(locator.locate(null, conf).source()).isEqualTo(FfmpegSource.CONFIG);
    FfmpegTools fromEnv = locator.locate(null, null);
    assertThat(fromEnv.ffmpeg()).isEqualTo(env);
    assertThat(fromEnv.alternates()).as("a named build stands alone").isEmpty();
    assertThat(fromEnv.choice().text()).contains("ffmpeg fake-7.1 from OMNIVIBE_FFMPEG at " + env);
  }

  @Test
  void pathWinsATieAndTheBundleStandsBesideIt() throws Exception {
    Path path = build("path", Map.of());
    Path bundled = build("bundled", Map.of());
    FfmpegTools tools =
        new FfmpegLocator(Map.of("PATH", path.getParent().toString()), bundle(bundled), null)
            .locate(null, null);
    assertThat(tools.source()).isEqualTo(FfmpegSource.PATH);
    assertThat(tools.ffprobe()).isEqualTo(path.resolveSibling("ffprobe"));
    assertThat(tools.version()).isEqualTo("fake-7.1");
    assertThat(tools.alternates()).extracting(FfmpegTools::ffmpeg).containsExactly(bundled);
    assertThat(tools.alternates().get(0).environment())
        .containsEntry("LD_LIBRARY_PATH", bundled.getParent().toString());
  }

  @Test
  void anOldSystemBuildLosesToTheBundleButStaysForHardwareEncoders() throws Exception {
    Path debian =
        build("debian", Map.of("FAKE_OLD_OPTIONS", "1", "FAKE_VERSION", "5.1.9-0+deb12u1"));
    Path bundled = build("bundled", Map.of("FAKE_VERSION", "8.0.1"));
    FfmpegTools tools =
        new FfmpegLocator(Map.of("PATH", debian.getParent().toString()), bundle(bundled), null)
            .locate(null, null);
    assertThat(tools.source()).isEqualTo(FfmpegSource.BUNDLED);
    assertThat(tools.build().fileOptions()).isTrue();
    assertThat(tools.choice().text())
        .contains("system ffmpeg 5.1.9-0+deb12u1 at " + debian)
        .contains("-filter_complex_script")
        .contains("using bundled FFmpeg 8.0.1 at " + bundled);
    assertThat(tools.alternates()).extracting(FfmpegTools::ffmpeg).containsExactly(debian);
    assertThat(tools.alternates().get(0).build().fileOptions()).isFalse();
    assertThat(tools.choice().publicText())
        .as("for callers that may not see local paths")
        .contains("system ffmpeg 5.1.9-0+deb12u1 can render only with older option forms")
        .contains("using bundled FFmpeg 8.0.1")
        .doesNotContain(dir.toString());
  }

  @Test
  void withoutABetterBuildTheOldOneRendersWithTheOlderOptionForm() throws Exception {
    Path debian = build("debian", Map.of("FAKE_OLD_OPTIONS", "1"));
    Path broken = build("bundled", Map.of("FAKE_VERSION_FAILS", "1"));
    FfmpegTools tools =
        new FfmpegLocator(Map.of("PATH", debian.getParent().toString()), bundle(broken), null)
            .locate(null, null);
    assertThat(tools.ffmpeg()).isEqualTo(debian);
    assertThat(tools.build().filterGraphFile(Path.of("g.txt")))
        .containsExactly("-filter_complex_script", "g.txt");
    assertThat(tools.choice().text())
        .contains("bundled FFmpeg at " + broken + " does not run")
        .contains("using system ffmpeg fake-7.1 at " + debian)
        .contains("libfake.so.1")
        .contains("with older option forms");
  }

  @Test
  void aBuildThatLacksWhatRendersNeedIsPassedOverWithTheReason() throws Exception {
    Path old = build("old", Map.of("FAKE_LACKS", "xfade libx264"));
    Path bundled = build("bundled", Map.of());
    FfmpegTools tools =
        new FfmpegLocator(Map.of("PATH", old.getParent().toString()), bundle(bundled), null)
            .locate(null, null);
    assertThat(tools.ffmpeg()).isEqualTo(bundled);
    assertThat(tools.alternates()).isEmpty();
    assertThat(tools.choice().text())
        .contains("system ffmpeg fake-7.1 at " + old + " cannot render: it lacks")
        .contains("the libx264 encoder")
        .contains("the xfade filter (slides and transitions)");
  }

  @Test
  void aNamedBuildThatCannotRenderIsAnErrorNotASilentSwitch() throws Exception {
    Path old = build("old", Map.of("FAKE_LACKS", "loudnorm"));
    Path bundled = build("bundled", Map.of());
    assertThatThrownBy(
            () -> new FfmpegLocator(Map.of("PATH", ""), bundle(bundled), null).locate(old, null))
        .isInstanceOf(FfmpegNotFoundException.class)
        .hasMessageContaining("ffmpeg fake-7.1 from --ffmpeg at " + old + " cannot render")
        .hasMessageContaining("the loudnorm filter (narration loudness)")
        .hasMessageContaining("Point --ffmpeg at another FFmpeg");
  }

  @Test
  void explainsWhatIsWrong() throws Exception {
    Supplier<UnpackedFfmpeg> none =
        () -> UnpackedFfmpeg.failed("no bundled build for this platform");
    assertThatThrownBy(
            () -> new FfmpegLocator(Map.of(), none, null).locate(dir.resolve("nope/ffmpeg"), null))
        .isInstanceOf(FfmpegNotFoundException.class)
        .hasMessageContaining("--ffmpeg not found");
    Path notExec = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("ffprobe"), "#!/bin/sh\n");
    assertThatThrownBy(() -> new FfmpegLocator(Map.of(), none, null).locate(notExec, null))
        .hasMessageContaining("is not executable");
    assertThatThrownBy(() -> new FfmpegLocator(Map.of("PATH", ""), none, null).locate(null, null))
        .hasMessageContaining("No FFmpeg here can render")
        .hasMessageContaining("no ffmpeg on PATH")
        .hasMessageContaining("no bundled build for this platform")
        .hasMessageContaining("OMNIVIBE_FFMPEG");
  }

  @Test
  void aBuildThatCannotLoadItsLibrariesSaysWhichOneAndHowToInstallIt() throws Exception {
    Path broken = build("b", Map.of("FAKE_VERSION_FAILS", "1"));
    assertThatThrownBy(
            () ->
                new FfmpegLocator(
                        Map.of("OMNIVIBE_FFMPEG", broken.toString()),
                        () -> UnpackedFfmpeg.failed("none"),
                        null)
                    .locate(null, null))
        .isInstanceOf(FfmpegNotFoundException.class)
        .hasMessageContaining("ffmpeg from OMNIVIBE_FFMPEG at " + broken + " does not run")
        .hasMessageContaining("missing system library libfake.so.1");
  }

  @Test
  void whatABuildCanDoIsCheckedOnceUntilItsBinaryChanges() throws Exception {
    Path log = dir.resolve("runs.log");
    Path counted = build("counted", Map.of("FAKE_RUN_LOG", log.toString()));
    Path cache = dir.resolve("cache/ffmpeg-builds.json");
    Supplier<UnpackedFfmpeg> none = () -> UnpackedFfmpeg.failed("none");
    Map<String, String> vars = Map.of("PATH", counted.getParent().toString());
    new FfmpegLocator(vars, none, cache).locate(null, null);
    long first = Files.readAllLines(log).size();
    assertThat(first).as("version, listings and the option trial").isGreaterThanOrEqualTo(7);
    FfmpegTools again = new FfmpegLocator(vars, none, cache).locate(null, null);
    assertThat(Files.readAllLines(log)).hasSize((int) first);
    assertThat(again.build().filters()).contains("xfade");
    // Another build in the same place (an upgrade) is checked afresh.
    Files.writeString(counted, Files.readString(counted) + "\n# upgraded\n");
    new FfmpegLocator(vars, none, cache).locate(null, null);
    assertThat(Files.readAllLines(log).size()).isGreaterThan((int) first);
  }

  /** A fake ffmpeg/ffprobe pair in {@code dir/name} with the given fake behaviour. */
  private Path build(String name, Map<String, String> behaviour) throws Exception {
    Path fake = TestFfmpeg.installFake(dir.resolve(name + "-real"));
    Path folder = Files.createDirectories(dir.resolve(name));
    StringBuilder exports = new StringBuilder();
    behaviour.forEach(
        (k, v) -> exports.append("export ").append(k).append("='").append(v).append("'\n"));
    for (String exe : new String[] {"ffmpeg", "ffprobe"}) {
      Path wrapper = folder.resolve(exe);
      Files.writeString(
          wrapper,
          "#!/usr/bin/env bash\n"
              + exports
              + "[ -n \"${FAKE_RUN_LOG:-}\" ] && echo \"$*\" >> \"$FAKE_RUN_LOG\"\n"
              + "exec "
              + fake.resolveSibling(exe)
              + " \"$@\"\n");
      wrapper.toFile().setExecutable(true);
    }
    return folder.resolve("ffmpeg");
  }

  private static Supplier<UnpackedFfmpeg> bundle(Path ffmpeg) {
    return () -> new UnpackedFfmpeg(ffmpeg, ffmpeg.resolveSibling("ffprobe"), null);
  }
}
