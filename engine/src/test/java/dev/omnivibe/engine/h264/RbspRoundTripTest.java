package dev.omnivibe.engine.h264;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RbspRoundTripTest {

  @Test
  void expGolombAndBitsRoundTripThroughEscaping() {
    RbspWriter w = new RbspWriter();
    long[] ues = {0, 1, 2, 7, 8, 255, 8160, 1 << 20};
    for (long v : ues) {
      w.ue(v);
    }
    w.se(-5).se(0).se(17).bits(0, 24).bits(3, 2).flag(true);
    NalUnit nal = w.toNal(0x41);
    // byte-aligned 00 00 01 must never reach the stream unescaped
    NalUnit escaped = new RbspWriter().bits(0, 16).bits(1, 8).toNal(0x41);
    assertThat(escaped.bytes()).containsSequence(0, 0, 3, 1);
    assertThat(new RbspReader(escaped).bits(24)).isEqualTo(1);
    RbspReader r = new RbspReader(nal);
    for (long v : ues) {
      assertThat(r.ue()).isEqualTo(v);
    }
    assertThat(r.se()).isEqualTo(-5);
    assertThat(r.se()).isZero();
    assertThat(r.se()).isEqualTo(17);
    assertThat(r.bits(24)).isZero();
    assertThat(r.bits(2)).isEqualTo(3);
    assertThat(r.flag()).isTrue();
  }

  @Test
  void annexBSplitsOnThreeAndFourByteStartCodes() {
    byte[] stream = {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5};
    var units = AnnexB.parse(stream);
    assertThat(units).extracting(NalUnit::type).containsExactly(7, 8, 5);
    assertThat(AnnexB.parse(AnnexB.toBytes(units)))
        .extracting(u -> u.bytes().length)
        .containsExactly(3, 2, 3);
  }
}
