package dev.omnivibe.api.routes;

import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.http.Etags;
import dev.omnivibe.api.http.Send;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /api/v1/jobs/{id}/output: the MP4, with a strong ETag (its SHA-256), Last-Modified, 304, and
 * single byte ranges (206, or 416 when unsatisfiable), so players can seek. Never compressed.
 */
public final class OutputDownload {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private final Engine engine;

  public OutputDownload(Engine engine) {
    this.engine = engine;
  }

  public void handle(Context ctx) throws IOException {
    Job job = JobRoutes.find(engine, ctx);
    String id = job.id();
    if (job.state() != JobState.SUCCEEDED
        || job.result() == null
        || job.result().output() == null) {
      throw ApiException.conflict("job " + id + " is " + job.state() + "; it has no output yet");
    }
    Path file = Path.of(job.result().output());
    if (!Files.isRegularFile(file) || Files.size(file) != job.result().bytes()) {
      throw new ApiException(410, "Gone", "the output of job " + id + " was removed or changed");
    }
    long length = Files.size(file);
    String etag = "\"" + job.result().sha256() + "\"";
    FileTime modified = Files.getLastModifiedTime(file);
    ctx.header(Header.ETAG, etag);
    ctx.header(Header.LAST_MODIFIED, Send.httpDate(modified.toInstant()));
    ctx.header(Header.ACCEPT_RANGES, "bytes");
    ctx.header(Header.CACHE_CONTROL, "private, max-age=0, must-revalidate");
    boolean audio = job.type() == dev.omnivibe.engine.job.JobType.NARRATION;
    // Narration lives in the asset store under its hash; give the download a usable name.
    String filename =
        audio
            ? "narration-" + id.substring(0, Math.min(8, id.length())) + ".wav"
            : file.getFileName().toString();
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    if (Etags.matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
      ctx.status(304);
      return;
    }
    long start = 0;
    long end = length - 1;
    String range = ctx.header(Header.RANGE);
    String ifRange = ctx.header(Header.IF_RANGE);
    boolean partial = range != null && (ifRange == null || ifRange.equals(etag));
    if (partial) {
      Matcher m = RANGE.matcher(range.trim());
      if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        throw unsatisfiable(ctx, length, "only a single byte range (bytes=a-b) is supported");
      }
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        start = Math.max(0, length - suffix);
      } else {
        start = Long.parseLong(m.group(1));
        end = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
      }
      if (start >= length || start > end) {
        throw unsatisfiable(ctx, length, "range " + range + " is outside the " + length + " bytes");
      }
      ctx.status(206);
      ctx.header(Header.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
    }
    long count = end - start + 1;
    ctx.contentType(audio ? "audio/wav" : "video/mp4");
    ctx.header(Header.CONTENT_LENGTH, String.valueOf(count));
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(start);
    ctx.result(new Limited(in, count));
  }

  private static ApiException unsatisfiable(Context ctx, long length, String why) {
    ctx.header(Header.CONTENT_RANGE, "bytes */" + length);
    return new ApiException(416, "Range not satisfiable", why);
  }

  /** Reads at most {@code left} bytes of the file, then closes it. */
  private static final class Limited extends InputStream {
    private final InputStream in;
    private long left;

    Limited(InputStream in, long left) {
      this.in = in;
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      left -= b < 0 ? left : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      left -= n < 0 ? left : n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
