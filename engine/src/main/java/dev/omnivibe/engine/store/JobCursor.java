package dev.omnivibe.engine.store;

import dev.omnivibe.engine.job.Job;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in the newest-first job listing: creation time in milliseconds, then id. Opaque to
 * callers (base64) so the encoding can change.
 */
public record JobCursor(long createdMillis, String id) {
  public static JobCursor of(Job job) {
    return new JobCursor(job.createdAt().toEpochMilli(), job.id());
  }

  /** True when {@code job} comes after this cursor in the listing. */
  public boolean before(Job job) {
    long t = job.createdAt().toEpochMilli();
    return t < createdMillis || (t == createdMillis && job.id().compareTo(id) < 0);
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((createdMillis + "/" + id).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalArgumentException when the text is not a cursor this store gave out
   */
  public static JobCursor decode(String text) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int slash = s.indexOf('/');
      return new JobCursor(Long.parseLong(s.substring(0, slash)), s.substring(slash + 1));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor '" + text + "' is not valid", e);
    }
  }
}
