package dev.omnivibe.engine.h264;

import java.util.Set;

/** The fields of a sequence parameter set that slice headers depend on. */
public record Sps(
    int id,
    int profileIdc,
    boolean separateColourPlane,
    int log2MaxFrameNum,
    int pocType,
    int log2MaxPocLsb,
    boolean deltaPicOrderAlwaysZero,
    int maxNumRefFrames,
    int widthInMbs,
    int heightInMapUnits,
    boolean frameMbsOnly) {

  private static final Set<Integer> HIGH_PROFILES =
      Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

  public int picSizeInMbs() {
    return widthInMbs * heightInMapUnits * (frameMbsOnly ? 1 : 2);
  }

  public static Sps parse(NalUnit unit) {
    RbspReader r = new RbspReader(unit);
    int profile = r.bits(8);
    r.bits(8); // constraint flags
    r.bits(8); // level
    int id = r.ue();
    boolean separate = false;
    if (HIGH_PROFILES.contains(profile)) {
      int chroma = r.ue();
      if (chroma == 3) {
        separate = r.flag();
      }
      r.ue(); // bit depth luma
      r.ue(); // bit depth chroma
      r.flag(); // qpprime_y_zero_transform_bypass
      if (r.flag()) {
        for (int i = 0; i < (chroma == 3 ? 12 : 8); i++) {
          if (r.flag()) {
            skipScalingList(r, i < 6 ? 16 : 64);
          }
        }
      }
    }
    int log2MaxFrameNum = r.ue() + 4;
    int pocType = r.ue();
    int log2MaxPocLsb = 0;
    boolean alwaysZero = false;
    if (pocType == 0) {
      log2MaxPocLsb = r.ue() + 4;
    } else if (pocType == 1) {
      alwaysZero = r.flag();
      r.se();
      r.se();
      int cycle = r.ue();
      for (int i = 0; i < cycle; i++) {
        r.se();
      }
    }
    int refs = r.ue();
    r.flag(); // gaps_in_frame_num_value_allowed
    int width = r.ue() + 1;
    int height = r.ue() + 1;
    boolean frameMbsOnly = r.flag();
    return new Sps(
        id,
        profile,
        separate,
        log2MaxFrameNum,
        pocType,
        log2MaxPocLsb,
        alwaysZero,
        refs,
        width,
        height,
        frameMbsOnly);
  }

  private static void skipScalingList(RbspReader r, int size) {
    int last = 8;
    int next = 8;
    for (int j = 0; j < size; j++) {
      if (next != 0) {
        next = (last + r.se() + 256) % 256;
      }
      last = next == 0 ? last : next;
    }
  }
}
