package dev.omnivibe.engine.media;

import static dev.omnivibe.engine.media.Bytes.le16;
import static dev.omnivibe.engine.media.Bytes.le32;
import static dev.omnivibe.engine.media.Bytes.startsWith;
import static dev.omnivibe.engine.media.Bytes.u8;

import dev.omnivibe.engine.ffmpeg.AudioStream;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Identifies narration files and measures their exact duration: WAV from its header, MP3, M4A, OGG
 * and FLAC through ffprobe (which also proves they can be read).
 */
public final class AudioInspector {
  private final Ffprobe ffprobe;

  public AudioInspector(Ffprobe ffprobe) {
    this.ffprobe = ffprobe;
  }

  private static final FileMemo<AudioInfo> MEMO = new FileMemo<>();

  /**
   * @throws MediaException naming what is wrong with the file
   */
  public AudioInfo inspect(Path file) throws MediaException {
    return MEMO.get(file, this::read);
  }

  private AudioInfo read(Path file) throws MediaException {
    byte[] d = Bytes.readFile(file);
    if (startsWith(d, 0, "RIFF") && startsWith(d, 8, "WAVE")) {
      return wav(d);
    }
    String format = compressedFormat(d);
    if (format == null) {
      throw new MediaException("not a WAV, MP3, M4A, OGG or FLAC audio file: " + file);
    }
    try {
      AudioStream stream = ffprobe.audio(file);
      return new AudioInfo(format, stream.durationSeconds(), stream.channels());
    } catch (IOException e) {
      throw new MediaException(
          "corrupt or unreadable "
              + format.toUpperCase(java.util.Locale.ROOT)
              + ": "
              + e.getMessage());
    }
  }

  private static String compressedFormat(byte[] d) {
    if (startsWith(d, 0, "ID3")
        || (d.length > 1 && u8(d, 0) == 0xff && (u8(d, 1) & 0xe0) == 0xe0)) {
      return "mp3";
    }
    if (startsWith(d, 4, "ftyp")) {
      return "m4a";
    }
    if (startsWith(d, 0, "OggS")) {
      return "ogg";
    }
    if (startsWith(d, 0, "fLaC")) {
      return "flac";
    }
    return null;
  }

  private static AudioInfo wav(byte[] d) throws MediaException {
    int pos = 12;
    long byteRate = 0;
    int channels = 0;
    while (pos + 8 <= d.length) {
      long size = le32(d, pos + 4);
      if (startsWith(d, pos, "fmt ")) {
        if (size < 16 || pos + 8 + 16 > d.length) {
          throw new MediaException("corrupt WAV: short fmt chunk");
        }
        channels = le16(d, pos + 10);
        byteRate = le32(d, pos + 16);
      } else if (startsWith(d, pos, "data")) {
        if (byteRate <= 0 || channels <= 0) {
          throw new MediaException("corrupt WAV: no usable fmt chunk before the data");
        }
        long available = d.length - pos - 8L;
        // 0xFFFFFFFF marks a stream whose writer never knew the final size: use what is there.
        long bytes = size == 0xffffffffL ? available : size;
        if (bytes > available) {
          throw new MediaException(
              "corrupt WAV: the data chunk claims "
                  + bytes
                  + " bytes but the file has "
                  + available
                  + " (truncated?)");
        }
        if (bytes == 0) {
          throw new MediaException("WAV has no audio samples");
        }
        return new AudioInfo("wav", (double) bytes / byteRate, channels);
      }
      pos += 8 + (int) size + (int) (size & 1);
    }
    throw new MediaException("corrupt WAV: no data chunk");
  }
}
