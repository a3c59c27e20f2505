package dev.omnivibe.engine.media;

import static dev.omnivibe.engine.media.Bytes.be16;
import static dev.omnivibe.engine.media.Bytes.be32;
import static dev.omnivibe.engine.media.Bytes.le32;
import static dev.omnivibe.engine.media.Bytes.startsWith;
import static dev.omnivibe.engine.media.Bytes.u8;

import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Checks that a slide image is a PNG, JPEG or WebP and structurally whole, without decoding it.
 *
 * <p>A full decode of every image before rendering would double the decode cost of a render; the
 * structure (PNG chunk checksums, JPEG markers through to EOI, the WebP RIFF size) catches
 * truncated and damaged files in a fraction of that time. Damage this misses surfaces as a decode
 * failure during the render, which is mapped back to the slide.
 */
public final class ImageInspector {
  static final int MAX_SIDE = 16_384;
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

  private static final FileMemo<ImageInfo> MEMO = new FileMemo<>();

  /**
   * @throws MediaException naming what is wrong with the file
   */
  public ImageInfo inspect(Path file) throws MediaException {
    return MEMO.get(file, ImageInspector::read);
  }

  private static ImageInfo read(Path file) throws MediaException {
    byte[] d = Bytes.readFile(file);
    ImageInfo info;
    if (startsWithMagic(d)) {
      info = png(d);
    } else if (d.length >= 3 && u8(d, 0) == 0xff && u8(d, 1) == 0xd8 && u8(d, 2) == 0xff) {
      info = jpeg(d);
    } else if (startsWith(d, 0, "RIFF") && startsWith(d, 8, "WEBP")) {
      info = webp(d);
    } else {
      throw new MediaException("not a PNG, JPEG or WebP image: " + file);
    }
    if (info.width() > MAX_SIDE || info.height() > MAX_SIDE) {
      throw new MediaException(
          info.width() + "x" + info.height() + " pixels is larger than " + MAX_SIDE + " on a side");
    }
    return info;
  }

  private static boolean startsWithMagic(byte[] d) {
    if (d.length < PNG_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < PNG_MAGIC.length; i++) {
      if (d[i] != PNG_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static ImageInfo png(byte[] d) throws MediaException {
    int pos = 8;
    int width = 0;
    int height = 0;
    boolean idat = false;
    CRC32 crc = new CRC32();
    while (pos + 12 <= d.length) {
      long length = be32(d, pos);
      String type = new String(d, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (length > d.length - pos - 12L) {
        throw new MediaException(
            "corrupt PNG: chunk " + type + " runs past the end of the file (truncated?)");
      }
      crc.reset();
      crc.update(d, pos + 4, 4 + (int) length);
      if (crc.getValue() != be32(d, pos + 8 + (int) length)) {
        throw new MediaException("corrupt PNG: checksum mismatch in chunk " + type);
      }
      if (pos == 8) {
        if (!"IHDR".equals(type)) {
          throw new MediaException("corrupt PNG: first chunk is " + type + ", not IHDR");
        }
        width = (int) be32(d, pos + 8);
        height = (int) be32(d, pos + 12);
      }
      idat |= "IDAT".equals(type);
      if ("IEND".equals(type)) {
        if (!idat || width <= 0 || height <= 0) {
          throw new MediaException("corrupt PNG: no image data");
        }
        return new ImageInfo("png", width, height);
      }
      pos += 12 + (int) length;
    }
    throw new MediaException("corrupt PNG: no IEND chunk (the file is truncated)");
  }

  private static ImageInfo jpeg(byte[] d) throws MediaException {
    int pos = 2;
    int width = 0;
    int height = 0;
    while (pos + 4 <= d.length) {
      if (u8(d, pos) != 0xff) {
        throw new MediaException("corrupt JPEG: bad marker at byte " + pos);
      }
      int marker = u8(d, pos + 1);
      if (marker == 0xff) {
        pos++; // fill byte
        continue;
      }
      int length = be16(d, pos + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
        if (pos + 9 > d.length) {
          break;
        }
        height = be16(d, pos + 5);
        width = be16(d, pos + 7);
      }
      if (marker == 0xda) {
        if (width <= 0 || height <= 0) {
          throw new MediaException("corrupt JPEG: no frame header before the image data");
        }
        if (!endsWithEoi(d)) {
          throw new MediaException("corrupt JPEG: no end-of-image marker (the file is truncated)");
        }
        return new ImageInfo("jpeg", width, height);
      }
      pos += 2 + length;
    }
    throw new MediaException("corrupt JPEG: the file ends before the image data");
  }

  private static boolean endsWithEoi(byte[] d) {
    // Cameras and editors often append a few bytes after EOI; look near the end, not at it.
    for (int i = d.length - 2; i >= Math.max(0, d.length - 4096); i--) {
      if (u8(d, i) == 0xff && u8(d, i + 1) == 0xd9) {
        return true;
      }
    }
    return false;
  }

  private static ImageInfo webp(byte[] d) throws MediaException {
    long riffSize = le32(d, 4);
    if (riffSize + 8 > d.length) {
      throw new MediaException(
          "corrupt WebP: the RIFF header claims "
              + (riffSize + 8)
              + " bytes, the file has "
              + d.length);
    }
    if (d.length < 30) {
      throw new MediaException("corrupt WebP: too short");
    }
    if (startsWith(d, 12, "VP8X")) {
      int w = 1 + (u8(d, 24) | u8(d, 25) << 8 | u8(d, 26) << 16);
      int h = 1 + (u8(d, 27) | u8(d, 28) << 8 | u8(d, 29) << 16);
      return new ImageInfo("webp", w, h);
    }
    if (startsWith(d, 12, "VP8L")) {
      long bits = le32(d, 21);
      return new ImageInfo("webp", (int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1);
    }
    if (startsWith(d, 12, "VP8 ")) {
      int w = (u8(d, 26) | u8(d, 27) << 8) & 0x3fff;
      int h = (u8(d, 28) | u8(d, 29) << 8) & 0x3fff;
      return new ImageInfo("webp", w, h);
    }
    throw new MediaException("corrupt WebP: no VP8, VP8L or VP8X image chunk");
  }
}
