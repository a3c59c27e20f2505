package dev.omnivibe.engine.encoder;

/** Video codecs the probe looks at; renders are H.264. */
public enum Codec {
  H264,
  HEVC
}
