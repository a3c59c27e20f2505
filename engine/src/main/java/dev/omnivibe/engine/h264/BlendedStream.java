package dev.omnivibe.engine.h264;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a stream in which stills repeat as skip P frames and fades are skip B frames drawn by the
 * decoder, with {@code frame_num}, picture order count and display order kept consistent.
 *
 * <p>The encoder's pictures arrive as intra slices (one-picture stills, intra-only transitions) and
 * are re-headed for a rewritten SPS with 16-bit order counts. A fade into slide k+1 emits a copy of
 * slide k, then slide k+1's picture as a non-IDR reference, then the blended frames, which come
 * before it in display order.
 */
public final class BlendedStream {
  private static final int POC_BITS = 16;

  /** Receives samples in decode order. */
  public interface Sink {
    void sample(List<byte[]> nals, int displayIndex, boolean sync) throws IOException;
  }

  private final Sps sps;
  private final Pps pps;
  private final NalUnit rewrittenSps;
  private final NalUnit ppsUnit;
  private final NalUnit sourceSps;
  private final SkipSlices skips;
  private final int gop;
  private final Sink sink;
  private int display;
  private int frameNum;
  private int pocBase;
  private int idrPicId;
  private boolean nextStillShown;

  private BlendedStream(
      Sps sps,
      Pps pps,
      NalUnit sourceSps,
      NalUnit rewrittenSps,
      NalUnit ppsUnit,
      int gop,
      Sink sink)
      throws UnsupportedStreamException {
    this.sps = sps;
    this.pps = pps;
    this.rewrittenSps = rewrittenSps;
    this.ppsUnit = ppsUnit;
    this.sourceSps = sourceSps;
    this.skips = new SkipSlices(Sps.parse(rewrittenSps), pps, POC_BITS);
    if (!skips.canBlend()) {
      throw new UnsupportedStreamException(
          "no implicit weighted bi-prediction or fewer than two references");
    }
    this.gop = gop;
    this.sink = sink;
  }

  /** Reads the parameter sets from the first encoded picture and checks they allow blending. */
  public static BlendedStream start(List<NalUnit> firstPicture, int gop, Sink sink)
      throws UnsupportedStreamException {
    NalUnit spsUnit =
        firstPicture.stream()
            .filter(u -> u.type() == NalUnit.SPS)
            .findFirst()
            .orElseThrow(() -> new UnsupportedStreamException("no SPS"));
    NalUnit ppsUnit =
        firstPicture.stream()
            .filter(u -> u.type() == NalUnit.PPS)
            .findFirst()
            .orElseThrow(() -> new UnsupportedStreamException("no PPS"));
    Sps sps = Sps.parse(spsUnit);
    return new BlendedStream(
        sps,
        Pps.parse(ppsUnit),
        spsUnit,
        ParameterSetRewriter.withPocLsbBits(spsUnit, POC_BITS),
        ppsUnit,
        gop,
        sink);
  }

  public byte[] sps() {
    return rewrittenSps.bytes();
  }

  public byte[] pps() {
    return ppsUnit.bytes();
  }

  /** A still shown for {@code frames} frames, its picture repeated as an IDR every GOP. */
  public void still(List<NalUnit> picture, long frames)
      throws IOException, UnsupportedStreamException {
    List<byte[]>[] variants = newVariants();
    for (long f = 0; f < frames; f++) {
      if (f == 0 && nextStillShown) {
        nextStillShown = false; // the fade already showed this picture
      } else if (f % gop == 0) {
        idr(picture, variants);
      } else {
        frameNum++;
        sink.sample(List.of(skips.p(frameNum, display - pocBase).bytes()), display++, false);
      }
    }
  }

  /** Encoded pictures (intra only), each its own IDR. */
  public void pictures(List<List<NalUnit>> pictures)
      throws IOException, UnsupportedStreamException {
    for (List<NalUnit> picture : pictures) {
      idr(picture, newVariants());
    }
  }

  /**
   * A crossfade of {@code frames} frames into {@code next}, the following still's picture, which
   * the next {@link #still} call then continues from.
   */
  public void fade(long frames, List<NalUnit> next) throws IOException, UnsupportedStreamException {
    frameNum++;
    int start = display;
    sink.sample(List.of(skips.p(frameNum, start - pocBase).bytes()), display++, false);
    frameNum++;
    List<byte[]> nextPicture = new ArrayList<>();
    for (NalUnit slice : slices(next)) {
      nextPicture.add(
          IntraSliceRewriter.rewrite(
                  slice, sps, pps, POC_BITS, false, 0, frameNum, (int) (start + frames - pocBase))
              .bytes());
    }
    sink.sample(nextPicture, (int) (start + frames), false);
    for (int j = 1; j < frames; j++) {
      sink.sample(List.of(skips.b(frameNum + 1, start + j - pocBase).bytes()), start + j, false);
    }
    display = (int) (start + frames + 1);
    nextStillShown = true;
  }

  @SuppressWarnings("unchecked")
  private static List<byte[]>[] newVariants() {
    return new List[2];
  }

  /**
   * Emits a picture as an IDR. {@code variants} caches its re-headed forms: a still repeats its IDR
   * every GOP and only idr_pic_id alternates, so each of the two forms is built once.
   */
  private void idr(List<NalUnit> picture, List<byte[]>[] variants)
      throws IOException, UnsupportedStreamException {
    idrPicId ^= 1;
    frameNum = 0;
    pocBase = display;
    List<byte[]> nals = variants[idrPicId];
    if (nals == null) {
      nals = new ArrayList<>();
      for (NalUnit slice : slices(picture)) {
        nals.add(
            IntraSliceRewriter.rewrite(slice, sps, pps, POC_BITS, true, idrPicId, 0, 0).bytes());
      }
      variants[idrPicId] = nals;
    }
    sink.sample(nals, display++, true);
  }

  /**
   * The slices of a picture, after checking that any parameter sets it carries are the ones the
   * stream was started with: the slices are re-headed for those and would decode wrongly otherwise.
   */
  private List<NalUnit> slices(List<NalUnit> picture) throws UnsupportedStreamException {
    for (NalUnit u : picture) {
      if ((u.type() == NalUnit.SPS && !java.util.Arrays.equals(u.bytes(), sourceSps.bytes()))
          || (u.type() == NalUnit.PPS && !java.util.Arrays.equals(u.bytes(), ppsUnit.bytes()))) {
        throw new UnsupportedStreamException("segments were encoded with different parameter sets");
      }
    }
    List<NalUnit> slices = picture.stream().filter(NalUnit::isSlice).toList();
    if (slices.isEmpty()) {
      throw new UnsupportedStreamException("a picture without slices");
    }
    return slices;
  }

  /** Splits an encoder's stream into pictures: a new one starts at each slice with first_mb 0. */
  public static List<List<NalUnit>> splitPictures(List<NalUnit> stream) {
    List<List<NalUnit>> pictures = new ArrayList<>();
    List<NalUnit> current = new ArrayList<>();
    for (NalUnit u : stream) {
      if (u.isSlice()
          && new RbspReader(u).ue() == 0
          && current.stream().anyMatch(NalUnit::isSlice)) {
        pictures.add(current);
        current = new ArrayList<>();
      }
      current.add(u);
    }
    if (!current.isEmpty()) {
      pictures.add(current);
    }
    return pictures;
  }
}
