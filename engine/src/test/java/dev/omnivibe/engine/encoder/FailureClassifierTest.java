package dev.omnivibe.engine.encoder;

import static org.assertj.core.api.Assertions.assertThat;

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
}
