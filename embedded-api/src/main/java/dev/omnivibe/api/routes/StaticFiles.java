package dev.omnivibe.api.routes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.luciad.imageio.webp.WebPWriteParam;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.http.Body;
import dev.omnivibe.api.http.Send;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * GET /static/*: files from the classpath folder {@code static/}. Fingerprinted names ({@code
 * app.3f9c2a1b.css}) never change and are cached for a year ({@code immutable}); the rest for a day
 * with revalidation. PNGs are served as WebP (quality 85) to clients that accept it, and the
 * conversion is done once.
 */
public final class StaticFiles {
  private static final Pattern FINGERPRINT = Pattern.compile(".*\\.[0-9a-f]{8,}\\.[a-z0-9]+$");
  private static final Map<String, String> TYPES =
      Map.of(
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "png",
          "image/png",
          "svg",
          "image/svg+xml",
          "json",
          "application/json",
          "html",
          "text/html; charset=utf-8",
          "webp",
          "image/webp",
          "txt",
          "text/plain; charset=utf-8");
  private final Instant started = Instant.now();
  private final Cache<String, byte[]> webp = Caffeine.newBuilder().maximumSize(256).build();

  public void handle(Context ctx) throws IOException {
    String path = ctx.pathParam("path");
    if (path.contains("..") || path.contains("\\") || path.startsWith("/")) {
      throw ApiException.notFound("no static file " + path);
    }
    byte[] bytes;
    try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + path)) {
      if (in == null) {
        throw ApiException.notFound("no static file " + path);
      }
      bytes = in.readAllBytes();
    }
    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.getOrDefault(ext, "application/octet-stream");
    if (ext.equals("png")) {
      ctx.header(Header.VARY, "Accept");
      if (acceptsWebp(ctx.header(Header.ACCEPT))) {
        byte[] png = bytes;
        byte[] converted = webp.get(path, k -> toWebp(png));
        if (converted != png) {
          bytes = converted;
          type = "image/webp";
        }
      }
    }
    ctx.header(
        Header.CACHE_CONTROL,
        FINGERPRINT.matcher(path).matches()
            ? "public, max-age=31536000, immutable"
            : "public, max-age=86400, must-revalidate");
    Send.body(ctx, new Body(200, type, bytes, started));
  }

  static boolean acceptsWebp(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("image/webp");
  }

  static byte[] toWebp(byte[] png) {
    try {
      BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
      if (read == null || !writers.hasNext()) {
        return png;
      }
      // libwebp takes 8-bit samples; 16-bit or palette PNGs are converted first.
      BufferedImage img =
          new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_ARGB);
      img.getGraphics().drawImage(read, 0, 0, null);
      ImageWriter w = writers.next();
      WebPWriteParam p = new WebPWriteParam(Locale.ROOT);
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType("Lossy");
      p.setCompressionQuality(0.85f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        w.setOutput(ios);
        w.write(null, new IIOImage(img, null, null), p);
      } finally {
        w.dispose();
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("cannot convert PNG to WebP: " + e, e);
    }
  }
}
