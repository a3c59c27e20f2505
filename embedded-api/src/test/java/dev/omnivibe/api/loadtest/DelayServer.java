package dev.omnivibe.api.loadtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server with a known cost: every request takes {@code delayMs}, handled by {@code threads}
 * threads; {@code /fail} answers 500, {@code /limit} 429. Tests compare what the load tester
 * reports with this.
 */
final class DelayServer implements AutoCloseable {
  static {
    // Otherwise the JDK server's separate header and body writes meet delayed ACKs (~40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  final HttpServer server;
  final AtomicInteger served = new AtomicInteger();
  private final ExecutorService pool;

  DelayServer(long delayMs, int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(delayMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          served.incrementAndGet();
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          exchange.sendResponseHeaders(
              path.equals("/fail") ? 500 : path.equals("/limit") ? 429 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
