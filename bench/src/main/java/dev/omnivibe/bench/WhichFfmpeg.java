package dev.omnivibe.bench;

import dev.omnivibe.engine.ffmpeg.FfmpegLocator;

/** Prints the ffmpeg the product chooses on this machine, so a baseline can run the same one. */
public final class WhichFfmpeg {
  private WhichFfmpeg() {}

  public static void main(String[] args) {
    System.out.println(new FfmpegLocator().locate(null, null).ffmpeg());
  }
}
