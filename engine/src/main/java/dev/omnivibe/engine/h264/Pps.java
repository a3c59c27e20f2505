package dev.omnivibe.engine.h264;

/** The fields of a picture parameter set that slice headers depend on. */
public record Pps(
    int id,
    int spsId,
    boolean cabac,
    boolean bottomFieldPicOrderPresent,
    int sliceGroups,
    boolean weightedPred,
    int weightedBipredIdc,
    boolean deblockingControlPresent,
    boolean redundantPicCntPresent) {

  public static Pps parse(NalUnit unit) {
    RbspReader r = new RbspReader(unit);
    int id = r.ue();
    int spsId = r.ue();
    boolean cabac = r.flag();
    boolean bottomField = r.flag();
    int groups = r.ue() + 1;
    if (groups > 1) {
      // Slice groups (FMO) are baseline-only and never produced by the encoders we drive.
      return new Pps(id, spsId, cabac, bottomField, groups, false, 0, false, false);
    }
    r.ue(); // num_ref_idx_l0_default_active_minus1
    r.ue(); // num_ref_idx_l1_default_active_minus1
    boolean weighted = r.flag();
    int bipred = r.bits(2);
    r.se(); // pic_init_qp_minus26
    r.se(); // pic_init_qs_minus26
    r.se(); // chroma_qp_index_offset
    boolean deblocking = r.flag();
    r.flag(); // constrained_intra_pred
    boolean redundant = r.flag();
    return new Pps(id, spsId, cabac, bottomField, groups, weighted, bipred, deblocking, redundant);
  }
}
