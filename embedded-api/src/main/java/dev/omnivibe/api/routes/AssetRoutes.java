package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.Json;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.media.MediaException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * POST /api/v1/assets: a raw body or a multipart {@code file} part. The bytes are streamed to a
 * temporary file (never past the size limit), hashed, checked to be an image or audio file the
 * renderer can use, then stored content-addressed as {@code assets/<sha256>}. Callers get an {@code
 * asset:<sha256>} id to use in decks and never see a local path.
 */
public final class AssetRoutes {
  private final Engine engine;
  private final long maxBytes;

  public AssetRoutes(Engine engine, long maxBytes) {
    this.engine = engine;
    this.maxBytes = maxBytes;
  }

  public void upload(Context ctx) throws IOException {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw Requests.tooLarge(ctx, maxBytes);
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    Path dir = engine.assetsDir();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
    try {
      String sha;
      if (type.startsWith("multipart/form-data")) {
        UploadedFile file = uploaded(ctx);
        if (file == null) {
          throw ApiException.invalid(
              "multipart uploads need a part named \"file\"",
              List.of(new ApiException.FieldError("/file", "missing")));
        }
        try (InputStream in = file.content()) {
          sha = copy(in, tmp);
        }
      } else {
        try (InputStream in = ctx.bodyInputStream()) {
          sha = copy(in, tmp);
        } catch (ApiException e) {
          if (e.status() == 413) {
            throw Requests.tooLarge(ctx, maxBytes); // drain what is still coming
          }
          throw e;
        }
      }
      MediaType media = check(tmp);
      Path target = dir.resolve(sha);
      if (!Files.exists(target)) {
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      ObjectNode out = Json.MAPPER.createObjectNode();
      out.put("id", "asset:" + sha);
      out.put("sha256", sha);
      out.put("bytes", Files.size(target));
      out.put("mediaType", media.mime);
      ctx.header("Location", "/api/v1/assets/" + sha);
      Json.send(ctx, 201, out);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The multipart {@code file} part. A body over the limit without a Content-Length (chunked) is
   * only found out while the parts are parsed; that is a 413 like any other too-large body.
   */
  private UploadedFile uploaded(Context ctx) {
    try {
      return ctx.uploadedFile("file");
    } catch (Exception e) { // Jetty's ServletException arrives unchecked through Kotlin
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("exceeded") || m.contains("too large")) {
          throw Requests.tooLarge(maxBytes);
        }
      }
      throw ApiException.badRequest("the multipart body cannot be read");
    }
  }

  private String copy(InputStream in, Path tmp) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (DigestInputStream d = new DigestInputStream(in, md);
        OutputStream out = Files.newOutputStream(tmp)) {
      for (int n; (n = d.read(buf)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw Requests.tooLarge(maxBytes);
        }
        out.write(buf, 0, n);
      }
    }
    if (total == 0) {
      throw ApiException.badRequest("the upload is empty");
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private MediaType check(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(16);
    }
    MediaType media = MediaType.sniff(head);
    if (media == null) {
      throw new ApiException(
          415,
          "Unsupported media type",
          "the upload is not an image (PNG, JPEG, WebP) or audio file (WAV, MP3, M4A, OGG, FLAC)");
    }
    try {
      engine.checkMedia(file, media.image);
    } catch (MediaException e) {
      throw new ApiException(
          422, "Unusable file", "the " + media.mime + " upload cannot be used: " + e.getMessage());
    }
    return media;
  }
}
