package dev.omnivibe.engine.encoder;

import java.util.List;

/**
 * An FFmpeg encoder worth probing.
 *
 * @param rank lower is preferred when several are usable
 * @param needsHwUpload frames must be uploaded to the device first (VA-API)
 */
public record EncoderCandidate(
    String name, String vendor, Codec codec, boolean hardware, int rank, boolean needsHwUpload) {

  /** Every candidate, best first within each codec. */
  public static List<EncoderCandidate> all() {
    return List.of(
        hw("h264_nvenc", "NVIDIA NVENC", Codec.H264, 10),
        hw("h264_qsv", "Intel Quick Sync", Codec.H264, 20),
        hw("h264_videotoolbox", "Apple VideoToolbox", Codec.H264, 30),
        hw("h264_amf", "AMD AMF", Codec.H264, 40),
        new EncoderCandidate("h264_vaapi", "VA-API", Codec.H264, true, 50, true),
        hw("h264_mf", "Windows Media Foundation", Codec.H264, 60),
        sw("libx264", "x264 (software)", Codec.H264, 100),
        sw("libopenh264", "OpenH264 (software)", Codec.H264, 110),
        hw("hevc_nvenc", "NVIDIA NVENC", Codec.HEVC, 10),
        hw("hevc_qsv", "Intel Quick Sync", Codec.HEVC, 20),
        hw("hevc_videotoolbox", "Apple VideoToolbox", Codec.HEVC, 30),
        hw("hevc_amf", "AMD AMF", Codec.HEVC, 40),
        new EncoderCandidate("hevc_vaapi", "VA-API", Codec.HEVC, true, 50, true),
        sw("libx265", "x265 (software)", Codec.HEVC, 100));
  }

  private static EncoderCandidate hw(String name, String vendor, Codec codec, int rank) {
    return new EncoderCandidate(name, vendor, codec, true, rank, false);
  }

  private static EncoderCandidate sw(String name, String vendor, Codec codec, int rank) {
    return new EncoderCandidate(name, vendor, codec, false, rank, false);
  }
}
