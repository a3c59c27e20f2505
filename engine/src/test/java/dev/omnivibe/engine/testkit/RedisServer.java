package dev.omnivibe.engine.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@code redis-server} on a free loopback port: the one on PATH when there is one (Debian's
 * 7.0 in CI), else the 6.2 binary that the test-scoped {@code
 * com.github.codemonstur:embedded-redis} artifact carries, so a fresh checkout needs no Redis
 * installed. {@link #shared()} starts one per test run; tests that stop the server start their own.
 */
public final class RedisServer implements AutoCloseable {
  private static RedisServer shared;
  private final int port;
  private final Path dir;
  private final boolean durable;
  private Process process;

  private RedisServer(int port, Path dir, boolean durable) {
    this.port = port;
    this.dir = dir;
    this.durable = durable;
  }

  /** The run-wide server, started on first use and stopped when the JVM exits. */
  public static synchronized RedisServer shared() {
    if (shared == null) {
      shared = start();
      RedisServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  public static RedisServer start() {
    return start(false);
  }

  /**
   * A server that keeps its data across {@link #stop()} and {@link #restart()} (append-only file).
   */
  public static RedisServer startDurable() {
    return start(true);
  }

  private static RedisServer start(boolean durable) {
    try {
      RedisServer s =
          new RedisServer(freePort(), Files.createTempDirectory("omnivibe-redis"), durable);
      s.restart();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again) on the same port and waits until it answers PING. */
  public synchronized void restart() {
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      executable(),
                      "--port",
                      String.valueOf(port),
                      "--bind",
                      "127.0.0.1",
                      "--save",
                      "",
                      "--appendonly",
                      durable ? "yes" : "no",
                      "--appendfsync",
                      "always",
                      "--dir",
                      dir.toString()))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + executable() + ": " + e.getMessage(), e);
    }
    long end = System.nanoTime() + 20_000_000_000L;
    while (!ping()) {
      if (!process.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException(
            "redis-server did not start; see " + dir.resolve("redis.log"));
      }
      sleep(20);
    }
  }

  /** Kills the server, as an outage would. */
  public synchronized void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String binary;

  /** {@code redis-server} from PATH, else the bundled test binary, unpacked once per JVM. */
  static synchronized String executable() {
    if (binary == null) {
      binary = onPath().orElseGet(RedisServer::unpackBundled);
    }
    return binary;
  }

  private static java.util.Optional<String> onPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return java.util.Optional.of(p.toString());
      }
    }
    return java.util.Optional.empty();
  }

  private static String unpackBundled() {
    String arch = System.getProperty("os.arch", "");
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String resource =
        os.contains("mac")
            ? (arch.contains("aarch64")
                ? "redis-server-6.2.6-v5-darwin-arm64"
                : "redis-server-6.2.6-v5-darwin-amd64")
            : (arch.contains("aarch64")
                ? "redis-server-6.2.7-linux-arm64"
                : "redis-server-6.2.6-v5-linux-amd64");
    try (InputStream in = RedisServer.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "no redis-server on PATH and no bundled "
                + resource
                + " (test dependency com.github.codemonstur:embedded-redis); install redis-server");
      }
      Path exe = Files.createTempFile("omnivibe-redis-server", "");
      Files.copy(in, exe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      exe.toFile().setExecutable(true);
      exe.toFile().deleteOnExit();
      return exe.toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot unpack " + resource + ": " + e.getMessage(), e);
    }
  }

  private boolean ping() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
