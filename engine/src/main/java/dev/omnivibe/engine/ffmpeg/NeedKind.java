package dev.omnivibe.engine.ffmpeg;

import java.util.Set;
import java.util.function.Function;

public enum NeedKind {
  ENCODER("encoder", FfmpegBuild::encoders),
  DECODER("decoder", FfmpegBuild::decoders),
  FILTER("filter", FfmpegBuild::filters),
  MUXER("output format", FfmpegBuild::muxers),
  DEMUXER("input format", FfmpegBuild::demuxers);

  final String noun;
  final Function<FfmpegBuild, Set<String>> listed;

  NeedKind(String noun, Function<FfmpegBuild, Set<String>> listed) {
    this.noun = noun;
    this.listed = listed;
  }
}
