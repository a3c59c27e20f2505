package dev.omnivibe.engine.h264;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the frames that repeat a still picture without encoding it again.
 *
 * <p>Given one encoded IDR access unit, {@link #skipFrame(int)} returns a P slice in which every
 * macroblock is skipped: the decoder copies the previous picture exactly, so frame {@code i} after
 * the IDR shows the same picture for a few bytes and no encoder time. This is what makes render
 * cost grow with the number of distinct pictures rather than with the video's length.
 *
 * <p>Only what the encoders we drive produce is handled: progressive CAVLC streams with picture
 * order count type 0 or 2 and no weighted prediction. Anything else raises {@link
 * UnsupportedStreamException}, and the renderer encodes the repeated frames instead.
 */
public final class SkipFrameWriter {
  private static final int P_SLICE_ALL = 5;
  private static final int NAL_HEADER_REF_SLICE = (2 << 5) | NalUnit.SLICE;

  private final List<NalUnit> idrAccessUnit;
  private final Sps sps;
  private final Pps pps;
  private final int idrPocLsb;

  private SkipFrameWriter(List<NalUnit> idr, Sps sps, Pps pps, int idrPocLsb) {
    this.idrAccessUnit = List.copyOf(idr);
    this.sps = sps;
    this.pps = pps;
    this.idrPocLsb = idrPocLsb;
  }

  /** Prepares skip frames for the single-picture stream {@code units} (SPS, PPS, SEI, IDR). */
  public static SkipFrameWriter forStill(List<NalUnit> units) throws UnsupportedStreamException {
    NalUnit idr = null;
    List<Sps> spss = new ArrayList<>();
    List<Pps> ppss = new ArrayList<>();
    List<NalUnit> accessUnit = new ArrayList<>();
    for (NalUnit u : units) {
      switch (u.type()) {
        case NalUnit.SPS -> spss.add(Sps.parse(u));
        case NalUnit.PPS -> ppss.add(Pps.parse(u));
        case NalUnit.IDR -> idr = idr == null ? u : idr;
        case NalUnit.SLICE ->
            throw new UnsupportedStreamException("expected a single IDR picture, found a P slice");
        default -> {
          // SEI, AUD: kept as they are
        }
      }
      accessUnit.add(u);
    }
    if (idr == null || spss.isEmpty() || ppss.isEmpty()) {
      throw new UnsupportedStreamException("no IDR picture with in-band SPS and PPS");
    }
    RbspReader r = new RbspReader(idr);
    r.ue(); // first_mb_in_slice
    r.ue(); // slice_type
    int ppsId = r.ue();
    Pps pps =
        ppss.stream()
            .filter(p -> p.id() == ppsId)
            .findFirst()
            .orElseThrow(() -> new UnsupportedStreamException("IDR names a missing PPS " + ppsId));
    Sps sps =
        spss.stream()
            .filter(s -> s.id() == pps.spsId())
            .findFirst()
            .orElseThrow(
                () -> new UnsupportedStreamException("PPS names a missing SPS " + pps.spsId()));
    check(sps, pps);
    if (sps.separateColourPlane()) {
      r.bits(2);
    }
    r.bits(sps.log2MaxFrameNum()); // frame_num
    r.ue(); // idr_pic_id
    int pocLsb = sps.pocType() == 0 ? r.bits(sps.log2MaxPocLsb()) : 0;
    return new SkipFrameWriter(accessUnit, sps, pps, pocLsb);
  }

  private static void check(Sps sps, Pps pps) throws UnsupportedStreamException {
    if (pps.cabac()) {
      throw new UnsupportedStreamException("CABAC entropy coding");
    }
    if (!sps.frameMbsOnly()) {
      throw new UnsupportedStreamException("interlaced coding");
    }
    if (sps.pocType() == 1) {
      throw new UnsupportedStreamException("picture order count type 1");
    }
    if (pps.sliceGroups() > 1 || pps.weightedPred()) {
      throw new UnsupportedStreamException("slice groups or weighted prediction");
    }
    if (sps.maxNumRefFrames() < 1) {
      throw new UnsupportedStreamException("no reference frames allowed");
    }
  }

  /** The IDR access unit as the encoder wrote it, to start the still and each later GOP. */
  public List<NalUnit> idrAccessUnit() {
    return idrAccessUnit;
  }

  /**
   * The {@code i}-th frame after the IDR ({@code i >= 1}) as one NAL unit.
   *
   * <p>Every frame is a reference picture so {@code frame_num} advances by one each time, which
   * picture order count type 2 requires; with type 0 the order count advances by two per frame, as
   * encoders write it.
   */
  public NalUnit skipFrame(int i) {
    if (i < 1) {
      throw new IllegalArgumentException("skip frames follow the IDR: i >= 1, got " + i);
    }
    RbspWriter w = new RbspWriter();
    w.ue(0); // first_mb_in_slice
    w.ue(P_SLICE_ALL);
    w.ue(pps.id());
    if (sps.separateColourPlane()) {
      w.bits(0, 2);
    }
    w.bits(i % (1L << sps.log2MaxFrameNum()), sps.log2MaxFrameNum());
    if (sps.pocType() == 0) {
      w.bits((idrPocLsb + 2L * i) % (1L << sps.log2MaxPocLsb()), sps.log2MaxPocLsb());
      if (pps.bottomFieldPicOrderPresent()) {
        w.se(0);
      }
    }
    if (pps.redundantPicCntPresent()) {
      w.ue(0);
    }
    w.flag(true).ue(0); // num_ref_idx_active_override: one reference, the previous picture
    w.flag(false); // ref_pic_list_modification_flag_l0
    w.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
    w.se(0); // slice_qp_delta
    if (pps.deblockingControlPresent()) {
      w.ue(1); // deblocking off: the copy stays bit-exact
    }
    w.ue(sps.picSizeInMbs()); // mb_skip_run covering the whole picture
    return w.toNal(NAL_HEADER_REF_SLICE);
  }
}
