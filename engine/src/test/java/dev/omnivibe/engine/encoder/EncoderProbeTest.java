package dev.omnivibe.engine.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderProbeTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void everyFailureClassAndTheSuccessPathThroughAFakeFfmpeg() throws Exception {
    FfmpegTools fake =
        TestFfmpeg.fake(
            dir,
            Map.of(
                "FAKE_h264_nvenc", "session_limit",
                "FAKE_hevc_nvenc", "driver_old",
                "FAKE_h264_qsv", "no_device",
                "FAKE_hevc_qsv", "library_missing",
                "FAKE_h264_vaapi", "other",
                "FAKE_hevc_vaapi", "hang",
                "FAKE_libopenh264", "silent_nothing",
                "FAKE_libx265", "not_compiled"));
    EncoderReport report = new EncoderProbe(fake, Duration.ofMillis(1500), clock).probe("fp");
    assertThat(reason(report, "h264_nvenc")).isEqualTo(FailureReason.SESSION_LIMIT);
    assertThat(reason(report, "hevc_nvenc")).isEqualTo(FailureReason.DRIVER_TOO_OLD);
    assertThat(reason(report, "h264_qsv")).isEqualTo(FailureReason.NO_DEVICE);
    assertThat(reason(report, "hevc_qsv")).isEqualTo(FailureReason.LIBRARY_MISSING);
    assertThat(reason(report, "h264_vaapi")).isEqualTo(FailureReason.OTHER);
    assertThat(report.find("h264_vaapi").orElseThrow().detail())
        .isEqualTo("Something odd happened: code 42");
    assertThat(report.find("hevc_vaapi").orElseThrow().detail()).startsWith("no answer within");
    assertThat(reason(report, "libopenh264")).isEqualTo(FailureReason.OTHER);
    assertThat(reason(report, "libx265")).isEqualTo(FailureReason.NOT_COMPILED_IN);
    // listed nowhere in the fake build: not compiled in, without a trial
    assertThat(reason(report, "h264_videotoolbox")).isEqualTo(FailureReason.NOT_COMPILED_IN);
    assertThat(report.find("libx264").orElseThrow().usable()).isTrue();
    assertThat(report.best(Codec.H264).orElseThrow().name()).isEqualTo("libx264");
    assertThat(report.probedAt()).isEqualTo(clock.instant());
    // trials run in parallel: the hanging one bounds the total, not the sum of all
    assertThat(report.probeMillis()).isLessThan(6_000);
  }

  @Test
  void hardwareWinsWhenItWorks() throws Exception {
    FfmpegTools fake = TestFfmpeg.fake(dir, Map.of());
    EncoderReport report = new EncoderProbe(fake, Duration.ofSeconds(5), clock).probe("fp");
    assertThat(report.best(Codec.H264).orElseThrow().name()).isEqualTo("h264_nvenc");
    assertThat(report.best(Codec.HEVC).orElseThrow().name()).isEqualTo("hevc_nvenc");
  }

  @Test
  void anEncoderTheMainBuildCannotDriveIsTriedWithTheOtherBuilds() throws Exception {
    // The main build's NVENC API is newer than the driver; the system build's is not.
    FfmpegTools main =
        TestFfmpeg.fake(dir.resolve("main"), Map.of("FAKE_h264_nvenc", "driver_old"));
    FfmpegTools system = TestFfmpeg.fake(dir.resolve("system"), Map.of());
    FfmpegTools tools = withAlternates(main, system);
    EncoderReport report = new EncoderProbe(tools, Duration.ofSeconds(5), clock).probe("fp");
    EncoderStatus nvenc = report.find("h264_nvenc").orElseThrow();
    assertThat(nvenc.usable()).isTrue();
    assertThat(nvenc.drivenBy()).isEqualTo(system.ffmpeg().toString());
    assertThat(nvenc.detail()).contains("cannot drive it (driver too old").contains("can");
    assertThat(report.find("libx264").orElseThrow().drivenBy()).isEqualTo(main.ffmpeg().toString());
    var profile = dev.omnivibe.engine.render.EncoderSelector.select("auto", report, tools);
    assertThat(profile.encoder()).isEqualTo("h264_nvenc");
    assertThat(profile.videoTools(tools)).isEqualTo(system);
    assertThat(dev.omnivibe.engine.render.EncoderSelector.select("libx264", report, tools).driver())
        .isNull();
  }

  @Test
  void theMostTellingReasonWinsWhenNoBuildCanDriveIt() throws Exception {
    // An H200: the newest build says "driver too old" first, an older one reaches the device.
    FfmpegTools main =
        TestFfmpeg.fake(dir.resolve("main"), Map.of("FAKE_h264_nvenc", "driver_old"));
    FfmpegTools older =
        TestFfmpeg.fake(dir.resolve("older"), Map.of("FAKE_h264_nvenc", "no_device"));
    EncoderReport report =
        new EncoderProbe(withAlternates(main, older), Duration.ofSeconds(5), clock).probe("fp");
    EncoderStatus nvenc = report.find("h264_nvenc").orElseThrow();
    assertThat(nvenc.reason()).isEqualTo(FailureReason.NO_DEVICE);
    assertThat(nvenc.drivenBy()).isEqualTo(older.ffmpeg().toString());
  }

  private static FfmpegTools withAlternates(FfmpegTools main, FfmpegTools... others) {
    return new FfmpegTools(
        main.ffmpeg(),
        main.ffprobe(),
        main.source(),
        main.version(),
        main.environment(),
        main.build(),
        dev.omnivibe.engine.ffmpeg.FfmpegChoice.none(),
        java.util.List.of(others));
  }

  @Test
  void realProbeOnThisMachine() {
    FfmpegTools real = TestFfmpeg.real();
    EncoderReport report =
        new EncoderProbe(real, Duration.ofSeconds(10), Clock.systemUTC()).probe("real");
    assertThat(report.find("libx264").orElseThrow().usable()).isTrue();
    assertThat(report.encoders())
        .allSatisfy(
            s -> {
              if (!s.usable()) {
                assertThat(s.reason()).isNotNull();
                assertThat(s.detail()).isNotBlank();
              }
            });
    assertThat(report.encoders()).hasSize(EncoderCandidate.all().size());
  }

  @Test
  void cacheIsReusedUntilTheFingerprintChangesOrRefreshIsAsked() throws Exception {
    FfmpegTools fake = TestFfmpeg.fake(dir.resolve("bin"), Map.of());
    AtomicInteger probes = new AtomicInteger();
    EncoderProbe probe = new EncoderProbe(fake, Duration.ofSeconds(5), clock);
    String[] fingerprint = {"driver-1"};
    EncoderCache cache = new EncoderCache(dir.resolve("cache/encoders.json"));
    EncoderDetector detector =
        new EncoderDetector(
            fake,
            cache,
            probe,
            v -> {
              probes.incrementAndGet();
              return fingerprint[0];
            });
    EncoderReport first = detector.detect(false);
    EncoderReport second = detector.detect(false);
    assertThat(second).isEqualTo(first);
    assertThat(probes).hasValue(2);
    assertThat(Files.readString(dir.resolve("cache/encoders.json")))
        .contains("\"fingerprint\" : \"driver-1\"");
    fingerprint[0] = "driver-2";
    assertThat(detector.detect(false).fingerprint()).isEqualTo("driver-2");
    assertThat(cache.load("driver-1")).isEmpty();
    Files.writeString(dir.resolve("cache/encoders.json"), "{broken");
    assertThat(cache.load("driver-2")).isEmpty();
    assertThat(detector.detect(true).fingerprint()).isEqualTo("driver-2");
  }

  private static FailureReason reason(EncoderReport r, String name) {
    return r.find(name).orElseThrow().reason();
  }
}
