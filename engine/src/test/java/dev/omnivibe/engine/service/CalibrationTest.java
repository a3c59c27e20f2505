package dev.omnivibe.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.encoder.EncoderDetector;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.render.RenderOptions;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration renders three real decks once, teaches the estimator from them, and keeps them: the
 * next engine learns the same measurements without rendering anything.
 */
class CalibrationTest {
  @TempDir Path dir;

  private EncoderReport encoders() {
    return new EncoderDetector(TestFfmpeg.real(), dir.resolve("encoders.json"), Clock.systemUTC())
        .detect(false);
  }

  private Calibration calibration(Path file, Path work, RenderEstimator estimator) {
    FfmpegTools tools = TestFfmpeg.real();
    EncoderReport encoders = encoders();
    return new Calibration(
        file,
        work,
        new Renderer(tools, RenderOptions.defaults()),
        new DeckPreparation(new ImageInspector(), new AudioInspector(new Ffprobe(tools))),
        tools,
        () -> encoders,
        estimator);
  }

  @Test
  void measuresOnceKeepsItAndTheNextStartOnlyReadsIt() throws Exception {
    Path file = dir.resolve("calibration.json");
    // The encoder renders would use here (libx264 without a GPU).
    String encoder = EncoderSelector.select("auto", encoders(), TestFfmpeg.real()).encoder();
    RenderEstimator first = new RenderEstimator();
    Workload big = new Workload(300, 60, 2.07);
    double guess = first.seconds(encoder, big);

    calibration(file, dir.resolve("work"), first).run();

    assertThat(file).isRegularFile();
    JsonNode kept = new ObjectMapper().readTree(file.toFile());
    assertThat(kept.size()).isEqualTo(1);
    JsonNode samples = kept.elements().next();
    assertThat(samples).hasSize(3);
    samples.forEach(s -> assertThat(s.path("seconds").asDouble()).isPositive());
    assertThat(first.samples(encoder)).isEqualTo(3);
    double measured = first.seconds(encoder, big);
    assertThat(measured).isPositive().isNotEqualTo(guess);

    // A second start: its work folder cannot even be created, so any render would fail.
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the work folder would go");
    RenderEstimator second = new RenderEstimator();
    calibration(file, blocked.resolve("work"), second).run();
    assertThat(second.samples(encoder)).isEqualTo(3);
    assertThat(second.seconds(encoder, big)).isEqualTo(measured);
  }

  @Test
  void measurementsKeptByTheOneRoundVersionAreTakenAgain() throws Exception {
    Path file = dir.resolve("calibration.json");
    String encoder = EncoderSelector.select("auto", encoders(), TestFfmpeg.real()).encoder();
    // What an older version kept: one round under the unversioned key, here absurdly slow, as a
    // sample taken beside the user's own first render could be.
    String old = TestFfmpeg.real().identity() + "|" + encoder;
    String slow = "{\"uniqueFrames\":2,\"outputSeconds\":%s,\"megapixels\":0.2,\"seconds\":60}";
    Files.writeString(
        file,
        "{\""
            + old.replace("\\", "\\\\")
            + "\":["
            + String.format(slow, 2)
            + ","
            + String.format(slow, 8)
            + ","
            + String.format(slow, 16)
            + "]}");
    RenderEstimator estimator = new RenderEstimator();

    calibration(file, dir.resolve("work"), estimator).run();

    JsonNode kept = new ObjectMapper().readTree(file.toFile());
    assertThat(kept.has(old)).as("the old entry is left for older versions").isTrue();
    assertThat(kept.size()).isEqualTo(2);
    assertThat(estimator.samples(encoder)).isEqualTo(3);
    assertThat(estimator.seconds(encoder, new Workload(2, 16, 0.2)))
        .as("learnt from this version's renders, not the kept 60 s ones")
        .isLessThan(30);
  }

  @Test
  void aStartWithKeptMeasurementsWarmsUpUnlessAJobHasStarted() throws Exception {
    Path file = dir.resolve("calibration.json");
    calibration(file, dir.resolve("work"), new RenderEstimator()).run();

    Path warmed = dir.resolve("warmed");
    calibration(file, warmed, new RenderEstimator()).run();
    assertThat(warmed).as("the warm-up rendered in its work folder").isDirectory();
    try (var left = Files.list(warmed)) {
      assertThat(left).as("and cleaned up after itself").isEmpty();
    }

    Path yielded = dir.resolve("yielded");
    Calibration busy = calibration(file, yielded, new RenderEstimator());
    busy.yieldToJobs();
    busy.run();
    assertThat(yielded).as("no warm-up once a job runs").doesNotExist();
  }
}
