package dev.omnivibe.engine.h264;

/**
 * Re-heads an intra slice written by the encoder: new {@code frame_num} and picture order count (in
 * the rewritten SPS's width), and optionally from IDR to a non-IDR reference picture, so the next
 * slide's picture can be decoded before the fade frames that show it blending in.
 */
final class IntraSliceRewriter {
  private IntraSliceRewriter() {}

  static NalUnit rewrite(
      NalUnit slice,
      Sps sps,
      Pps pps,
      int newPocBits,
      boolean asIdr,
      int idrPicId,
      int frameNum,
      int pocLsb)
      throws UnsupportedStreamException {
    boolean wasIdr = slice.type() == NalUnit.IDR;
    RbspCopier c = new RbspCopier(slice);
    c.ue(); // first_mb_in_slice
    int sliceType = c.ue() % 5;
    if (sliceType != 2) {
      throw new UnsupportedStreamException(
          "expected an intra slice, found slice type " + sliceType);
    }
    c.ue(); // pps id
    c.in().bits(sps.log2MaxFrameNum());
    c.out().bits(frameNum, sps.log2MaxFrameNum());
    if (wasIdr) {
      c.in().ue(); // the encoder's idr_pic_id: replaced, consecutive IDRs must differ
    }
    if (asIdr) {
      c.out().ue(idrPicId);
    }
    c.in().bits(sps.log2MaxPocLsb());
    c.out().bits(pocLsb, newPocBits);
    if (pps.bottomFieldPicOrderPresent()) {
      c.se();
    }
    if (pps.redundantPicCntPresent()) {
      c.ue();
    }
    if (slice.refIdc() != 0) {
      if (wasIdr) {
        c.in().bits(2); // no_output_of_prior_pics, long_term_reference
      } else if (c.in().flag()) {
        throw new UnsupportedStreamException("memory management operations");
      }
      if (asIdr) {
        c.out().bits(0, 2);
      } else {
        c.out().flag(false); // sliding window
      }
    }
    c.se(); // slice_qp_delta
    if (pps.deblockingControlPresent() && c.ue() != 1) {
      c.se();
      c.se();
    }
    int header = (slice.bytes()[0] & 0xe0) | (asIdr ? NalUnit.IDR : NalUnit.SLICE);
    return c.finish(header);
  }
}
