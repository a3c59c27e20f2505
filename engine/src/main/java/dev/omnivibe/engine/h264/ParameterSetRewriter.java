package dev.omnivibe.engine.h264;

import java.util.Set;

/**
 * Rewrites an SPS so picture order counts get {@code log2MaxPocLsb} bits. Synthesized fades put the
 * next slide's picture {@code T} frames ahead in output order; with the 4 bits x264 writes, a jump
 * of 8 or more would read as going backwards.
 */
final class ParameterSetRewriter {
  private static final Set<Integer> HIGH_PROFILES =
      Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

  private ParameterSetRewriter() {}

  static NalUnit withPocLsbBits(NalUnit sps, int log2MaxPocLsb) throws UnsupportedStreamException {
    RbspCopier c = new RbspCopier(sps);
    int profile = c.bits(8);
    c.bits(8);
    c.bits(8);
    c.ue();
    if (HIGH_PROFILES.contains(profile)) {
      int chroma = c.ue();
      if (chroma == 3) {
        c.flag();
      }
      c.ue();
      c.ue();
      c.flag();
      if (c.flag()) {
        throw new UnsupportedStreamException("scaling matrices in the SPS");
      }
    }
    c.ue(); // log2_max_frame_num_minus4
    int pocType = c.ue();
    if (pocType != 0) {
      throw new UnsupportedStreamException("picture order count type " + pocType);
    }
    c.in().ue();
    c.out().ue(log2MaxPocLsb - 4);
    return c.finish(sps.bytes()[0] & 0xff);
  }
}
