package dev.omnivibe.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.ffmpeg.FfmpegSource;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.platform.CancelToken;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end renders of tiny generated decks, checked with ffprobe and the decoder. */
class RendererTest {
  @TempDir Path dir;

  private Renderer renderer() {
    return new Renderer(
        TestFfmpeg.real(),
        new RenderOptions(dir.resolve("work"), PlanOptions.defaults(), "/dev/dri/renderD128"));
  }

  @Test
  void rendersAPlayableMp4WithExactTimingAndTheRightPictures() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 3, 1.5, 1.0, "fade");
    ResolvedDeck deck = TestDecks.resolve(deckFile);
    Path out = dir.resolve("out/video.mp4");
    List<RenderProgress> progress = new CopyOnWriteArrayList<>();
    RenderResult result =
        renderer().render(deck, out, EncoderProfile.software(), progress::add, new CancelToken());

    assertThat(result.encoder()).isEqualTo("libx264");
    assertThat(result.frames()).isEqualTo(135);
    JsonNode info = new Ffprobe(TestFfmpeg.real()).probe(out);
    JsonNode video = stream(info, "video");
    JsonNode audio = stream(info, "audio");
    assertThat(video.path("codec_name").asText()).isEqualTo("h264");
    assertThat(video.path("pix_fmt").asText()).isEqualTo("yuv420p");
    assertThat(video.path("width").asInt()).isEqualTo(320);
    assertThat(video.path("r_frame_rate").asText()).isEqualTo("30/1");
    assertThat(video.path("avg_frame_rate").asText()).isEqualTo("30/1");
    assertThat(audio.path("codec_name").asText()).isEqualTo("aac");
    // both tracks end together, to the millisecond: the audio edit list trims AAC's frame rounding
    assertThat(audio.path("duration").asDouble())
        .isCloseTo(video.path("duration").asDouble(), org.assertj.core.data.Offset.offset(0.001));
    assertThat(video.path("duration").asDouble()).isEqualTo(4.5);
    assertThat(countFrames(out)).isEqualTo(135);
    assertThat(info.path("format").path("duration").asDouble())
        .isCloseTo(4.5, org.assertj.core.data.Offset.offset(1 / 30.0));
    assertThat(moovBeforeMdat(out)).as("moov at the front (faststart)").isTrue();

    // a frame from inside slide 2 (t = 2.0 s) shows slide 2's picture
    BufferedImage frame = frameAt(out, 2.0);
    BufferedImage expected = SampleDeckWriter.slide(1, 3, 320, 180);
    assertThat(meanAbsoluteDifference(frame, expected)).isLessThan(6.0);
    assertThat(meanAbsoluteDifference(frame, SampleDeckWriter.slide(0, 3, 320, 180)))
        .isGreaterThan(15.0);

    // progress reached 100 % and never went backwards
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100.0);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i).percent()).isGreaterThanOrEqualTo(progress.get(i - 1).percent());
    }
    assertNoTemporaryFiles(out);
  }

  @Test
  void narrationOfEachSlideStartsAtItsSlideWithinAFrame() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 3, 1.2, 0.6, null);
    Path out = dir.resolve("narrated.mp4");
    renderSoftware(deckFile, out);
    short[] pcm = decodeAudio(out, 48_000);
    for (int slide = 0; slide < 3; slide++) {
      double start = slide * 1.2;
      double onset = firstSoundAfter(pcm, 48_000, start - 0.1);
      assertThat(onset)
          .as("narration %d onset", slide)
          .isBetween(start - 1 / 30.0, start + 1 / 30.0);
      // and silence after the 0.6 s narration until the next slide
      assertThat(peak(pcm, 48_000, start + 0.7, start + 1.15)).isLessThan(50);
    }
  }

  @Test
  void longSlidesCostNoMoreEncodingThanShortOnes() throws Exception {
    ResolvedDeck deck = TestDecks.resolve(TestDecks.tiny(dir.resolve("long"), 2, 30.0, 0, "fade"));
    RenderPlan plan =
        new RenderPlanner(TestFfmpeg.real().ffmpeg(), PlanOptions.defaults(), "x")
            .plan(deck, EncoderProfile.software(), dir);
    // one picture per still; the fade between them is drawn by the decoder
    assertThat(plan.segments().stream().mapToLong(Segment::encodedFrames).sum()).isEqualTo(2);
    assertThat(plan.segments())
        .extracting(Segment::kind)
        .containsExactly(Segment.Kind.STILL, Segment.Kind.FADE, Segment.Kind.STILL);
    Path out = dir.resolve("long.mp4");
    RenderResult r =
        renderer()
            .render(deck, out, EncoderProfile.software(), RenderListener.NONE, new CancelToken());
    assertThat(countFrames(out)).isEqualTo(1800);
    assertThat(r.videoSeconds()).isEqualTo(60.0);
  }

  @Test
  void aFadeDrawnByTheDecoderBlendsTheTwoSlides() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 2, 2.0, 0, "fade");
    Path out = dir.resolve("fade.mp4");
    renderSoftware(deckFile, out);
    BufferedImage a = frameAt(out, 1.0);
    BufferedImage b = frameAt(out, 3.0);
    // the fade fills 1.5 s..2.0 s; frame 52 is 7 of its 15 frames in
    BufferedImage mid = frameAt(out, 52 / 30.0 + 0.001);
    BufferedImage blend =
        new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        int rgb = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          int v = (((p >> shift) & 0xff) * 8 + ((q >> shift) & 0xff) * 7) / 15;
          rgb |= v << shift;
        }
        blend.setRGB(x, y, rgb);
      }
    }
    assertThat(meanAbsoluteDifference(mid, blend)).isLessThan(3.0);
    assertThat(meanAbsoluteDifference(mid, a)).isGreaterThan(5.0);
    assertThat(meanAbsoluteDifference(mid, b)).isGreaterThan(5.0);
    assertThat(countFrames(out)).isEqualTo(120);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"wipeleft", "slideleft", "dissolve", "fadeblack", "circleopen"})
  void encodedTransitionsJoinTheBlendedStream(String transition) throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck-" + transition), 3, 1.0, 0, transition);
    Files.writeString(
        deckFile,
        Files.readString(deckFile)
            .replaceFirst("\"type\": \"" + transition + "\"", "\"type\": \"fade\""));
    Path out = dir.resolve(transition + ".mp4");
    RenderResult r = renderSoftware(deckFile, out);
    assertThat(r.encoder()).isEqualTo("libx264");
    assertThat(countFrames(out)).isEqualTo(90);
    // slide 3 is on screen at its end, whatever led into it
    assertThat(meanAbsoluteDifference(frameAt(out, 2.9), SampleDeckWriter.slide(2, 3, 320, 180)))
        .isLessThan(6.0);
  }

  @Test
  void withoutDecoderDrawnFadesTheStreamCopyJoinMakesTheSameVideo() throws Exception {
    // The path hardware encoders take: encoded fades, Annex B piped into FFmpeg, spliced AAC.
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 3, 1.5, 1.0, "fade");
    Path out = dir.resolve("piped.mp4");
    Renderer piped =
        new Renderer(
            TestFfmpeg.real(),
            new RenderOptions(
                dir.resolve("work"),
                PlanOptions.defaults().withBlendFades(false),
                "/dev/dri/renderD128"));
    piped.render(
        TestDecks.resolve(deckFile),
        out,
        EncoderProfile.software(),
        RenderListener.NONE,
        new CancelToken());
    JsonNode info = new Ffprobe(TestFfmpeg.real()).probe(out);
    assertThat(stream(info, "video").path("avg_frame_rate").asText()).isEqualTo("30/1");
    assertThat(stream(info, "audio").path("codec_name").asText()).isEqualTo("aac");
    assertThat(info.path("format").path("duration").asDouble())
        .isCloseTo(4.5, org.assertj.core.data.Offset.offset(1 / 30.0));
    assertThat(countFrames(out)).isEqualTo(135);
    assertThat(meanAbsoluteDifference(frameAt(out, 2.0), SampleDeckWriter.slide(1, 3, 320, 180)))
        .isLessThan(6.0);
    assertThat(moovBeforeMdat(out)).isTrue();
  }

  @Test
  void hardwareEncoderFailureFallsBackToSoftwareAndSaysSo() throws Exception {
    ResolvedDeck deck = TestDecks.resolve(TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null));
    Path out = dir.resolve("hw.mp4");
    // No NVIDIA GPU here (or any encode session would do): the render must still succeed.
    RenderResult r =
        renderer()
            .render(
                deck, out, EncoderProfile.of("h264_nvenc"), RenderListener.NONE, new CancelToken());
    if (r.fallbackReason() != null) {
      assertThat(r.encoder()).isEqualTo("libx264");
      assertThat(r.fallbackReason()).contains("h264_nvenc failed");
    } else {
      assertThat(r.encoder()).isEqualTo("h264_nvenc");
    }
    assertThat(countFrames(out)).isEqualTo(60);
  }

  @Test
  void cancelStopsFfmpegAndLeavesNothingBehind() throws Exception {
    ResolvedDeck deck =
        TestDecks.resolve(
            SampleDeckWriter.write(
                dir.resolve("big"),
                new SampleDeckWriter.Spec(6, 1280, 720, 20.0, 0, "dissolve", 3.0, 1280, 720, 30)));
    Path out = dir.resolve("cancelled.mp4");
    Files.writeString(out.resolveSibling("keep.txt"), "other files are not touched");
    CancelToken cancel = new CancelToken();
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(400);
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
              cancel.cancel();
            });
    stopper.start();
    assertThatThrownBy(
            () ->
                renderer()
                    .render(deck, out, EncoderProfile.software(), RenderListener.NONE, cancel))
        .isInstanceOf(RenderCancelledException.class);
    stopper.join();
    assertThat(out).doesNotExist();
    assertThat(out.resolveSibling("keep.txt")).exists();
    assertNoTemporaryFiles(out);
  }

  @Test
  void aRenderThatFailsHalfwayNamesTheFfmpegThatFailedAndLeavesNothing() throws Exception {
    // An FFmpeg that encodes the pictures but fails on the sound track, beside the video steps.
    FfmpegTools real = TestFfmpeg.real();
    Path wrapper = dir.resolve("bin/ffmpeg");
    Files.createDirectories(wrapper.getParent());
    Files.writeString(
        wrapper,
        "#!/usr/bin/env bash\n"
            + "case \" $* \" in *\" adts \"*) echo 'audio-0.aac: Input/output error' >&2; exit 1 ;; esac\n"
            + "exec "
            + real.ffmpeg()
            + " \"$@\"\n");
    wrapper.toFile().setExecutable(true);
    FfmpegTools flaky =
        new FfmpegTools(
            wrapper, real.ffprobe(), FfmpegSource.ENVIRONMENT, "9.9-test", real.environment());
    ResolvedDeck deck = TestDecks.resolve(TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null));
    Path out = dir.resolve("halfway.mp4");
    assertThatThrownBy(
            () ->
                new Renderer(
                        flaky, new RenderOptions(dir.resolve("work"), PlanOptions.defaults(), "x"))
                    .render(
                        deck,
                        out,
                        EncoderProfile.software(),
                        RenderListener.NONE,
                        new CancelToken()))
        .isInstanceOf(RenderFailedException.class)
        .hasMessageContaining("Input/output error")
        .hasMessageContaining("(ffmpeg 9.9-test from OMNIVIBE_FFMPEG)");
    assertThat(out).doesNotExist();
    assertNoTemporaryFiles(out);
  }

  @Test
  void anImageThatPassesTheStructureCheckButCannotBeDecodedIsBadInput() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null);
    corruptPngPayload(dir.resolve("deck/slides/02.png"));
    ResolvedDeck deck = TestDecks.resolve(deckFile); // chunks and checksums are still whole
    Path out = dir.resolve("bad.mp4");
    assertThatThrownBy(
            () ->
                renderer()
                    .render(
                        deck,
                        out,
                        EncoderProfile.software(),
                        RenderListener.NONE,
                        new CancelToken()))
        .isInstanceOf(InvalidDeckException.class)
        .hasMessageStartingWith("slides[1].image: cannot decode");
    assertThat(out).doesNotExist();
  }

  // ---- helpers ----

  private RenderResult renderSoftware(Path deckFile, Path out) throws Exception {
    return renderer()
        .render(
            TestDecks.resolve(deckFile),
            out,
            EncoderProfile.software(),
            RenderListener.NONE,
            new CancelToken());
  }

  private static JsonNode stream(JsonNode info, String type) {
    for (JsonNode s : info.path("streams")) {
      if (type.equals(s.path("codec_type").asText())) {
        return s;
      }
    }
    throw new AssertionError("no " + type + " stream");
  }

  static int countFrames(Path file) throws Exception {
    String out =
        new String(
            TestFfmpeg.ffmpegOutput(
                "-err_detect",
                "explode",
                "-xerror",
                "-i",
                file.toString(),
                "-map",
                "0:v:0",
                "-f",
                "framemd5",
                "-"),
            StandardCharsets.UTF_8);
    return (int) out.lines().filter(l -> !l.startsWith("#")).count();
  }

  private static boolean moovBeforeMdat(Path file) throws Exception {
    byte[] head = Files.readAllBytes(file);
    String s = new String(head, 0, Math.min(head.length, 1 << 20), StandardCharsets.ISO_8859_1);
    return s.indexOf("moov") >= 0 && s.indexOf("moov") < s.indexOf("mdat");
  }

  private BufferedImage frameAt(Path file, double seconds) throws Exception {
    Path png = dir.resolve("frame-" + seconds + ".png");
    TestFfmpeg.ffmpegOutput(
        "-y",
        "-ss",
        Double.toString(seconds),
        "-i",
        file.toString(),
        "-frames:v",
        "1",
        png.toString());
    return ImageIO.read(png.toFile());
  }

  static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
        }
      }
    }
    return (double) sum / (a.getWidth() * a.getHeight() * 3);
  }

  private static short[] decodeAudio(Path file, int rate) throws Exception {
    byte[] raw =
        TestFfmpeg.ffmpegOutput(
            "-i",
            file.toString(),
            "-map",
            "0:a:0",
            "-ac",
            "1",
            "-ar",
            Integer.toString(rate),
            "-f",
            "s16le",
            "-");
    short[] pcm = new short[raw.length / 2];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
    return pcm;
  }

  private static double firstSoundAfter(short[] pcm, int rate, double from) {
    for (int i = Math.max(0, (int) (from * rate)); i < pcm.length; i++) {
      if (Math.abs(pcm[i]) > 300) {
        return (double) i / rate;
      }
    }
    return Double.NaN;
  }

  private static int peak(short[] pcm, int rate, double from, double to) {
    int peak = 0;
    for (int i = (int) (from * rate); i < Math.min(pcm.length, (int) (to * rate)); i++) {
      peak = Math.max(peak, Math.abs(pcm[i]));
    }
    return peak;
  }

  /** Replaces the compressed image data with garbage but keeps every chunk checksum valid. */
  private static void corruptPngPayload(Path png) throws Exception {
    byte[] d = Files.readAllBytes(png);
    int pos = 8;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(d, 0, 8);
    while (pos < d.length) {
      int len = ByteBuffer.wrap(d, pos, 4).getInt();
      String type = new String(d, pos + 4, 4, StandardCharsets.US_ASCII);
      byte[] data = java.util.Arrays.copyOfRange(d, pos + 8, pos + 8 + len);
      if ("IDAT".equals(type)) {
        java.util.Arrays.fill(data, 2, data.length, (byte) 0x5a);
      }
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(type.getBytes(StandardCharsets.US_ASCII));
      crc.update(data);
      out.write(d, pos, 8);
      out.write(data);
      out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
      pos += 12 + len;
    }
    Files.write(png, out.toByteArray());
  }

  private void assertNoTemporaryFiles(Path out) throws Exception {
    try (Stream<Path> work = Files.list(dir.resolve("work"))) {
      assertThat(work).as("render work folders").isEmpty();
    }
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".partial"));
    }
  }
}
