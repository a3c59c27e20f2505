package dev.omnivibe.engine.h264;

/**
 * All-skip slices with explicit {@code frame_num} and picture order count, for streams whose SPS
 * uses picture order count type 0.
 *
 * <p>A skipped P picture copies its reference. A skipped B picture between pictures A and B, under
 * implicit weighted bi-prediction ({@code weighted_bipred_idc = 2}), is predicted as {@code (1 - t)
 * A + t B} with {@code t} from the order-count distances: the decoder itself draws the crossfade,
 * so a fade costs no encoding at all.
 */
final class SkipSlices {
  private final Sps sps;
  private final Pps pps;
  private final int pocBits;

  SkipSlices(Sps sps, Pps pps, int pocBits) throws UnsupportedStreamException {
    if (pps.cabac()
        || sps.pocType() != 0
        || !sps.frameMbsOnly()
        || pps.weightedPred()
        || pps.sliceGroups() > 1) {
      throw new UnsupportedStreamException(
          "needs CAVLC, progressive frames and order count type 0");
    }
    this.sps = sps;
    this.pps = pps;
    this.pocBits = pocBits;
  }

  boolean canBlend() {
    return pps.weightedBipredIdc() == 2 && sps.maxNumRefFrames() >= 2 && sps.profileIdc() != 66;
  }

  /** A reference P picture that repeats the previous one. */
  NalUnit p(int frameNum, int pocLsb) {
    RbspWriter w = header(5, frameNum, pocLsb);
    w.flag(true).ue(0); // one reference: the latest
    w.flag(false); // no list modification
    w.flag(false); // sliding window marking
    return tail(w, (2 << 5) | NalUnit.SLICE);
  }

  /** A non-reference B picture blending the pictures before and after it in output order. */
  NalUnit b(int frameNum, int pocLsb) {
    RbspWriter w = header(6, frameNum, pocLsb);
    w.flag(true); // spatial direct: zero motion, both references
    w.flag(true).ue(0).ue(0); // one reference in each list
    w.flag(false).flag(false); // no list modification
    return tail(w, NalUnit.SLICE); // nal_ref_idc 0: not a reference, no marking
  }

  private RbspWriter header(int sliceType, int frameNum, int pocLsb) {
    RbspWriter w = new RbspWriter();
    w.ue(0).ue(sliceType).ue(pps.id());
    w.bits(frameNum % (1L << sps.log2MaxFrameNum()), sps.log2MaxFrameNum());
    w.bits(pocLsb % (1L << pocBits), pocBits);
    if (pps.bottomFieldPicOrderPresent()) {
      w.se(0);
    }
    if (pps.redundantPicCntPresent()) {
      w.ue(0);
    }
    return w;
  }

  private NalUnit tail(RbspWriter w, int nalHeader) {
    w.se(0); // slice_qp_delta
    if (pps.deblockingControlPresent()) {
      w.ue(1);
    }
    w.ue(sps.picSizeInMbs());
    return w.toNal(nalHeader);
  }
}
