package dev.omnivibe.app.gui.encoders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderStatus;
import dev.omnivibe.engine.encoder.FailureReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The encoders view-model on the real probe of this machine's FFmpeg. */
class EncodersViewModelTest {
  GuiFixture fx;
  final List<String> saved = new ArrayList<>();

  @BeforeEach
  void open() {
    fx = GuiFixture.open();
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void listsEveryCandidateWithTheSoftwareDefaultUsable() {
    EncodersViewModel vm = new EncodersViewModel(fx.engine, Async.direct(), null, saved::add);
    vm.load(false);
    assertThat(vm.encoders()).hasSizeGreaterThan(3);
    assertThat(vm.encoders())
        .anySatisfy(
            e -> {
              assertThat(e.name()).isEqualTo("libx264");
              assertThat(e.usable()).isTrue();
            });
    assertThat(vm.defaultEncoderProperty().get()).isNotBlank();
    assertThat(vm.choices()).contains("auto", "libx264");
    assertThat(vm.effective()).isEqualTo(vm.defaultEncoderProperty().get());
    assertThat(vm.summaryProperty().get()).contains("encoders usable");
    assertThat(vm.encoders().stream().filter(e -> !e.usable()))
        .allSatisfy(e -> assertThat(EncodersViewModel.reason(e)).isNotEqualTo("usable"));

    vm.choiceProperty().set("libx264");
    assertThat(saved).containsExactly("libx264");
    assertThat(vm.effective()).isEqualTo("libx264");
  }

  @Test
  void aSavedChoiceThatNoLongerWorksFallsBackToAutoAndSaysSo() {
    EncodersViewModel vm =
        new EncodersViewModel(fx.engine, Async.direct(), "h264_nvenc_gone", saved::add);
    vm.load(false);
    assertThat(vm.choiceProperty().get()).isEqualTo("auto");
    assertThat(vm.summaryProperty().get()).contains("h264_nvenc_gone is not usable");
  }

  @Test
  void saysWhichFfmpegRendersUseAndWhy() {
    EncodersViewModel vm = new EncodersViewModel(fx.engine, Async.direct(), "auto", saved::add);
    vm.load(false);
    assertThat(vm.ffmpegProperty().get())
        .startsWith("FFmpeg: ")
        .contains("using ")
        .contains(dev.omnivibe.engine.testkit.TestFfmpeg.real().ffmpeg().toString());
  }

  @Test
  void reasonsAreWords() {
    EncoderStatus s =
        new EncoderStatus(
            "h264_nvenc",
            "NVIDIA",
            Codec.H264,
            true,
            1,
            false,
            FailureReason.LIBRARY_MISSING,
            "Cannot load libcuda.so.1",
            12,
            "/usr/bin/ffmpeg");
    assertThat(EncodersViewModel.reason(s))
        .isEqualTo("the vendor driver library is not installed: Cannot load libcuda.so.1");
  }
}
