package dev.omnivibe.api.routes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What an uploaded file really is, from its first bytes (the declared type is not trusted). */
enum MediaType {
  PNG("image/png", true),
  JPEG("image/jpeg", true),
  WEBP("image/webp", true),
  WAV("audio/wav", false),
  MP3("audio/mpeg", false),
  M4A("audio/mp4", false),
  OGG("audio/ogg", false),
  FLAC("audio/flac", false);

  final String mime;
  final boolean image;

  MediaType(String mime, boolean image) {
    this.mime = mime;
    this.image = image;
  }

  /** The type of a file starting with {@code head} (at least 12 bytes), or null. */
  static MediaType sniff(byte[] head) {
    if (head.length >= 8
        && Arrays.equals(
            Arrays.copyOf(head, 8),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return PNG;
    }
    if (head.length >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return JPEG;
    }
    if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF")) {
      String form = ascii(head, 8, 4);
      return form.equals("WEBP") ? WEBP : form.equals("WAVE") ? WAV : null;
    }
    if (head.length >= 4 && ascii(head, 0, 4).equals("OggS")) {
      return OGG;
    }
    if (head.length >= 4 && ascii(head, 0, 4).equals("fLaC")) {
      return FLAC;
    }
    if (head.length >= 8 && ascii(head, 4, 4).equals("ftyp")) {
      return M4A;
    }
    if (head.length >= 3 && ascii(head, 0, 3).equals("ID3")) {
      return MP3;
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0) {
      return MP3;
    }
    return null;
  }

  private static String ascii(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }
}
