package dev.omnivibe.engine.ffmpeg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * The FFmpeg shipped inside {@code org.bytedeco:ffmpeg} (GPL build, with libx264): its folder of
 * executables and libraries is unpacked into JavaCPP's cache folder ({@code
 * -Dorg.bytedeco.javacpp.cachedir} moves it to the per-user cache) and run as a program.
 *
 * <p>Nothing is loaded into this JVM. {@code Loader.load} would also load the JNI wrappers, which
 * fail when a system library of {@code libavdevice} (PulseAudio, ALSA, XCB) is missing, and that
 * error would hide which library it was; run as a program, the binary names it itself.
 */
final class BundledFfmpeg {
  private BundledFfmpeg() {}

  static UnpackedFfmpeg extract() {
    return unpackedAlready().orElseGet(BundledFfmpeg::unpack);
  }

  /**
   * The bundle as an earlier start unpacked it, found without JavaCPP's loader (whose start-up and
   * check of every file cost a CLI render more than its FFmpeg steps): every file of the bundle's
   * folder must be in the cache with the size it has in the jar.
   */
  static Optional<UnpackedFfmpeg> unpackedAlready() {
    String folder = "org/bytedeco/ffmpeg/" + platform() + "-gpl/";
    java.net.URL url = BundledFfmpeg.class.getResource("/" + folder + exe("ffmpeg"));
    if (url == null || !"jar".equals(url.getProtocol())) {
      return Optional.empty();
    }
    try {
      java.net.JarURLConnection jar = (java.net.JarURLConnection) url.openConnection();
      jar.setUseCaches(false);
      Path jarFile = Path.of(jar.getJarFileURL().toURI());
      Path dir = cacheDir().resolve(jarFile.getFileName().toString()).resolve(folder);
      try (java.util.jar.JarFile zip = new java.util.jar.JarFile(jarFile.toFile())) {
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
          var e = entries.nextElement();
          if (e.isDirectory() || !e.getName().startsWith(folder)) {
            continue;
          }
          Path f = dir.resolve(e.getName().substring(folder.length()));
          if (!Files.exists(f) || Files.size(f) != e.getSize()) {
            return Optional.empty();
          }
        }
      }
      Path ffmpeg = dir.resolve(exe("ffmpeg"));
      Path ffprobe = dir.resolve(exe("ffprobe"));
      return Files.isExecutable(ffmpeg) && Files.isExecutable(ffprobe)
          ? Optional.of(new UnpackedFfmpeg(ffmpeg, ffprobe, null))
          : Optional.empty();
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty(); // JavaCPP's own unpacking says what is wrong
    }
  }

  /**
   * JavaCPP's cache folder: {@code org.bytedeco.javacpp.cachedir}, else {@code ~/.javacpp/cache}.
   */
  private static Path cacheDir() {
    String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
    return dir != null
        ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
  }

  /** JavaCPP's platform name for this machine, as {@code Loader.getPlatform()} forms it. */
  static String platform() {
    String explicit = System.getProperty("org.bytedeco.javacpp.platform");
    if (explicit != null) {
      return explicit;
    }
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
    String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
    String a =
        switch (arch) {
          case "amd64", "x86_64", "x86-64" -> "x86_64";
          case "aarch64", "arm64" -> "arm64";
          case "ppc64le" -> "ppc64le";
          default -> arch;
        };
    return o + "-" + a;
  }

  private static UnpackedFfmpeg unpack() {
    String folder;
    try {
      folder = "/org/bytedeco/ffmpeg/" + Loader.getPlatform() + "-gpl/";
    } catch (LinkageError e) {
      return UnpackedFfmpeg.failed("JavaCPP is not on the classpath (" + e + ")");
    }
    if (BundledFfmpeg.class.getResource(folder + exe("ffmpeg")) == null) {
      return UnpackedFfmpeg.failed(
          "no bundled build for "
              + Loader.getPlatform()
              + " on the classpath (org.bytedeco:ffmpeg with classifier "
              + Loader.getPlatform()
              + "-gpl)");
    }
    try {
      File[] dirs = Loader.cacheResources(BundledFfmpeg.class, folder);
      if (dirs == null || dirs.length == 0) {
        return UnpackedFfmpeg.failed("JavaCPP unpacked nothing from " + folder);
      }
      Path dir = dirs[0].toPath();
      Path ffmpeg = dir.resolve(exe("ffmpeg"));
      Path ffprobe = dir.resolve(exe("ffprobe"));
      for (Path p : new Path[] {ffmpeg, ffprobe}) {
        if (!Files.isExecutable(p) && !p.toFile().setExecutable(true)) {
          return UnpackedFfmpeg.failed("cannot make " + p + " executable");
        }
      }
      return new UnpackedFfmpeg(ffmpeg, ffprobe, null);
    } catch (IOException | RuntimeException e) {
      return UnpackedFfmpeg.failed(
          "cannot unpack it into "
              + Optional.ofNullable(System.getProperty("org.bytedeco.javacpp.cachedir"))
                  .orElse("~/.javacpp/cache")
              + ": "
              + e.getMessage());
    }
  }

  private static String exe(String name) {
    return FfmpegLocator.executableName(name);
  }
}
