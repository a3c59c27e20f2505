package dev.omnivibe.api.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes a complete body with its validators: a strong ETag (distinct per encoding), Last-Modified,
 * 304 for a matching {@code If-None-Match} or {@code If-Modified-Since}, and gzip for compressible
 * bodies of at least the configured size when the client accepts it.
 */
public final class Send {
  static final String CAPTURE = "omnivibe.capture";
  private static volatile int gzipMin = 1024;

  private Send() {}

  public static void gzipMinBytes(int bytes) {
    gzipMin = bytes;
  }

  public static void body(Context ctx, Body body) {
    @SuppressWarnings("unchecked")
    Consumer<Body> capture = ctx.attribute(CAPTURE);
    if (capture != null) {
      capture.accept(body);
    }
    write(ctx, body, null);
  }

  /** Writes {@code body}, using {@code gzipped} if given instead of compressing again. */
  static void write(Context ctx, Body body, byte[] gzipped) {
    boolean compressible = compressible(body.contentType()) && body.bytes().length >= gzipMin;
    if (compressible) {
      ctx.header(Header.VARY, "Accept-Encoding");
    }
    boolean gzip = compressible && acceptsGzip(ctx.header(Header.ACCEPT_ENCODING));
    String etag = gzip ? Etags.gzip(body.etag()) : body.etag();
    ctx.header(Header.ETAG, etag);
    if (body.lastModified() != null) {
      ctx.header(Header.LAST_MODIFIED, httpDate(body.lastModified()));
    }
    boolean safe = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
    if (safe && body.status() / 100 == 2 && notModified(ctx, etag, body.lastModified())) {
      ctx.status(304);
      ctx.result(new byte[0]);
      return;
    }
    ctx.status(body.status());
    ctx.contentType(body.contentType());
    if (gzip) {
      ctx.header(Header.CONTENT_ENCODING, "gzip");
      ctx.result(gzipped != null ? gzipped : body.gzipped());
    } else {
      ctx.result(body.bytes());
    }
  }

  static boolean notModified(Context ctx, String etag, Instant lastModified) {
    String inm = ctx.header(Header.IF_NONE_MATCH);
    if (inm != null) {
      // RFC 9110 13.2.2: If-None-Match wins over If-Modified-Since.
      return Etags.matches(inm, etag);
    }
    String ims = ctx.header(Header.IF_MODIFIED_SINCE);
    if (ims == null || lastModified == null) {
      return false;
    }
    try {
      Instant since = ZonedDateTime.parse(ims, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false; // an invalid date is ignored (RFC 9110 13.1.3)
    }
  }

  public static String httpDate(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
  }

  /** Text and JSON compress; video, images and event streams never do. */
  static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    if (t.startsWith("text/event-stream")) {
      return false;
    }
    return t.startsWith("text/")
        || t.contains("json")
        || t.contains("javascript")
        || t.contains("xml")
        || t.startsWith("image/svg");
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      String coding = p[0].trim().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("*")) {
        for (int i = 1; i < p.length; i++) {
          String q = p[i].trim();
          if (q.startsWith("q=") && q.substring(2).matches("0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
