package dev.omnivibe.engine.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.ffmpeg.FfmpegTools.Source;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {
  @TempDir Path dir;

  @Test
  void followsTheDocumentedOrder() throws Exception {
    Path opt = TestFfmpeg.installFake(dir.resolve("opt"));
    Path conf = TestFfmpeg.installFake(dir.resolve("conf"));
    Path env = TestFfmpeg.installFake(dir.resolve("env"));
    Path path = TestFfmpeg.installFake(dir.resolve("path"));
    Path bundled = TestFfmpeg.installFake(dir.resolve("bundled"));
    Map<String, String> vars =
        Map.of("OMNIVIBE_FFMPEG", env.toString(), "PATH", path.getParent().toString());
    FfmpegLocator locator =
        new FfmpegLocator(
            vars, () -> Optional.of(new Path[] {bundled, bundled.resolveSibling("ffprobe")}));
    assertThat(locator.locate(opt, conf).source()).isEqualTo(Source.OPTION);
    assertThat(locator.locate(null, conf).source()).isEqualTo(Source.CONFIG);
    assertThat(locator.locate(null, null).ffmpeg()).isEqualTo(env);
    FfmpegLocator noEnv =
        new FfmpegLocator(
            Map.of("PATH", path.getParent().toString()),
            () -> Optional.of(new Path[] {bundled, bundled.resolveSibling("ffprobe")}));
    FfmpegTools fromPath = noEnv.locate(null, null);
    assertThat(fromPath.source()).isEqualTo(Source.PATH);
    assertThat(fromPath.ffprobe()).isEqualTo(path.resolveSibling("ffprobe"));
    assertThat(fromPath.version()).isEqualTo("fake-7.1");
    FfmpegTools fromBundle =
        new FfmpegLocator(
                Map.of("PATH", dir.resolve("empty").toString()),
                () -> Optional.of(new Path[] {bundled, bundled.resolveSibling("ffprobe")}))
            .locate(null, null);
    assertThat(fromBundle.source()).isEqualTo(Source.BUNDLED);
    assertThat(fromBundle.environment())
        .containsEntry("LD_LIBRARY_PATH", bundled.getParent().toString());
  }

  @Test
  void explainsWhatIsWrong() throws Exception {
    assertThatThrownBy(
            () ->
                new FfmpegLocator(Map.of(), Optional::empty)
                    .locate(dir.resolve("nope/ffmpeg"), null))
        .isInstanceOf(FfmpegNotFoundException.class)
        .hasMessageContaining("--ffmpeg not found");
    Path notExec = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("ffprobe"), "#!/bin/sh\n");
    assertThatThrownBy(() -> new FfmpegLocator(Map.of(), Optional::empty).locate(notExec, null))
        .hasMessageContaining("is not executable");
    assertThatThrownBy(
            () -> new FfmpegLocator(Map.of("PATH", ""), Optional::empty).locate(null, null))
        .hasMessageContaining("FFmpeg not found")
        .hasMessageContaining("OMNIVIBE_FFMPEG");
  }

  @Test
  void anFfmpegThatCannotLoadItsLibrariesSaysWhichOne() throws Exception {
    Path broken = failing(TestFfmpeg.installFake(dir.resolve("b")));
    assertThatThrownBy(
            () ->
                new FfmpegLocator(Map.of("OMNIVIBE_FFMPEG", broken.toString()), Optional::empty)
                    .locate(null, null))
        .isInstanceOf(FfmpegNotFoundException.class)
        .hasMessageContaining("OMNIVIBE_FFMPEG does not run")
        .hasMessageContaining("libfake.so.1");
  }

  private Path failing(Path fake) throws Exception {
    Path wrapper = dir.resolve("w/ffmpeg");
    Files.createDirectories(wrapper.getParent());
    Files.writeString(
        wrapper, "#!/usr/bin/env bash\nFAKE_VERSION_FAILS=1 exec " + fake + " \"$@\"\n");
    Files.copy(wrapper, wrapper.resolveSibling("ffprobe"));
    wrapper.toFile().setExecutable(true);
    wrapper.resolveSibling("ffprobe").toFile().setExecutable(true);
    return wrapper;
  }
}
