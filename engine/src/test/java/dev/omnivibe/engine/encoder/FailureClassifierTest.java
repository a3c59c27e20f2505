package dev.omnivibe.engine.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real FFmpeg error lines (from builds with and without the hardware present). */
class FailureClassifierTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[h264_nvenc @ 0x55d3] Cannot load libcuda.so.1 | LIBRARY_MISSING",
        "[h264_nvenc @ 0x5] Cannot load libnvidia-encode.so.1 | LIBRARY_MISSING",
        "[h264_nvenc @ 0x5] No NVENC capable devices found | NO_DEVICE",
        "[h264_nvenc @ 0x5] OpenEncodeSessionEx failed: unsupported device (2): (no details) | NO_DEVICE",
        "[h264_nvenc @ 0x5] No capable devices found | NO_DEVICE",
        "[hevc_nvenc @ 0x5] dl_fn->cuda_dl->cuInit(0) failed -> CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected | NO_DEVICE",
        "[h264_nvenc @ 0x5] Driver does not support the required nvenc API version. Required: 13.0 Found: 12.1 | DRIVER_TOO_OLD",
        "[h264_nvenc @ 0x5] The minimum required Nvidia driver for nvenc is 570.0 or newer | DRIVER_TOO_OLD",
        "[h264_nvenc @ 0x5] OpenEncodeSessionEx failed: incompatible client key (21): (no details) | SESSION_LIMIT",
        "[h264_nvenc @ 0x5] OpenEncodeSessionEx failed: out of memory (10): (no details) | SESSION_LIMIT",
        "[h264_qsv @ 0x5] Error initializing a MFX session: unsupported (-3) | NO_DEVICE",
        "No VA display found for device /dev/dri/renderD128. | NO_DEVICE",
        "Failed to set value '/dev/dri/renderD128' for option 'vaapi_device': Invalid argument | NO_DEVICE",
        "[h264_amf @ 0x5] DLL amfrt64.dll failed to open | LIBRARY_MISSING",
        "[vost#0:0 @ 0x5] Unknown encoder 'h264_videotoolbox' | NOT_COMPILED_IN",
        "Error selecting an encoder | NOT_COMPILED_IN",
        "[libx264 @ 0x5] width not divisible by 2 (321x240) | OTHER"
      })
  void classifies(String stderr, FailureReason expected) {
    assertThat(FailureClassifier.classify(stderr)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[h264_nvenc @ 0x55d3de57e900] Cannot load libcuda.so.1 | Cannot load libcuda.so.1",
        "[vost#0:0/h264_qsv @ 0x1] [enc:h264_qsv @ 0x2] Something else entirely | Something else entirely"
      })
  void explainsWithFfmpegsOwnLineWithoutAddresses(String stderr, String expected) {
    assertThat(FailureClassifier.explain(stderr)).isEqualTo(expected);
  }

  /**
   * Real output of the bundled FFmpeg 8.1.2 (NVENC API 13.1) on an H200 with driver 580.159.04 (API
   * 13.0), captured on the machine: FFmpeg says "driver too old", but the H200 has no NVENC unit,
   * so no driver would help.
   */
  @Test
  void theDriver580FixtureIsNoDeviceOnAnH200AndDriverTooOldOnACardWithNvenc() throws Exception {
    Map<String, String> runs = fixtureRuns();
    assertThat(runs).containsKeys("h264_nvenc", "hevc_nvenc", "av1_nvenc");
    GpuInventory h200 = new GpuInventory(List.of("nvidia"), List.of("NVIDIA H200"));
    GpuInventory l40 = new GpuInventory(List.of("nvidia"), List.of("NVIDIA L40S"));
    for (var run : runs.entrySet()) {
      assertThat(FailureClassifier.classify(run.getValue()))
          .as(run.getKey() + " on its own")
          .isEqualTo(FailureReason.DRIVER_TOO_OLD);
      Diagnosis onH200 = FailureClassifier.diagnose(run.getKey(), run.getValue(), h200);
      assertThat(onH200.reason()).isEqualTo(FailureReason.NO_DEVICE);
      assertThat(onH200.detail())
          .startsWith("NVIDIA H200 has no NVENC encoder unit")
          .contains("Required: 13.1 Found: 13.0");
      assertThat(FailureClassifier.diagnose(run.getKey(), run.getValue(), l40).reason())
          .isEqualTo(FailureReason.DRIVER_TOO_OLD);
    }
  }

  @Test
  void quickSyncWithAnIntelGpuButNoSessionLacksItsRuntime() {
    String err = "[h264_qsv @ 0x5] Error initializing an internal MFX session: unsupported (-3)";
    assertThat(FailureClassifier.diagnose("h264_qsv", err, GpuInventory.none()).reason())
        .isEqualTo(FailureReason.NO_DEVICE);
    Diagnosis intel =
        FailureClassifier.diagnose("h264_qsv", err, new GpuInventory(List.of("intel"), List.of()));
    assertThat(intel.reason()).isEqualTo(FailureReason.LIBRARY_MISSING);
    assertThat(intel.detail()).contains("libmfx1").contains("h264_vaapi");
  }

  @Test
  void gpusAreReadFromSysfsAndTheNvidiaDriver(@TempDir Path root) throws IOException {
    Path drm = root.resolve("drm");
    write(drm.resolve("card0/device/vendor"), "0x8086\n");
    write(drm.resolve("card1/device/vendor"), "0x10de\n");
    write(drm.resolve("renderD128/device/vendor"), "0x8086\n");
    Path nv = root.resolve("nvidia");
    write(
        nv.resolve("0000:17:00.0/information"), "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   123\n");
    GpuInventory gpus = GpuInventory.read(drm, nv);
    assertThat(gpus.vendors()).containsExactly("intel", "nvidia");
    assertThat(gpus.nvidiaModels()).containsExactly("NVIDIA H100 80GB HBM3");
    assertThat(gpus.nvencAbsent()).isTrue();
    write(nv.resolve("0000:18:00.0/information"), "Model: NVIDIA RTX A4000\n");
    assertThat(GpuInventory.read(drm, nv).nvencAbsent()).as("one card can encode").isFalse();
    assertThat(GpuInventory.read(root.resolve("none"), root.resolve("none")))
        .isEqualTo(GpuInventory.none());
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** The fixture's "== encoder" sections. */
  private Map<String, String> fixtureRuns() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/nvenc-driver-580-h200.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> runs = new LinkedHashMap<>();
    String current = null;
    List<String> lines = new ArrayList<>();
    for (String line : (text + "\n== end").split("\n")) {
      if (line.startsWith("== ")) {
        if (current != null) {
          runs.put(current, String.join("\n", lines));
        }
        current = line.substring(3).trim();
        lines.clear();
      } else if (current != null && !line.startsWith("rc=")) {
        lines.add(line);
      }
    }
    return runs;
  }
}
