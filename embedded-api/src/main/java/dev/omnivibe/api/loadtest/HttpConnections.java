package dev.omnivibe.api.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Keep-alive HTTP/1.1 connections to one server on a few event-loop threads. The JDK's HttpClient
 * spends more CPU per request than the server it measures (it reached 0.075× of wrk on {@code
 * /health}); an event loop that writes a request and parses the answer in place does not.
 */
final class HttpConnections implements AutoCloseable {
  final String host;
  final int port;
  final String hostHeader;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  final long timeoutNanos;
  private final List<Thread> loops = new CopyOnWriteArrayList<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();

  /**
   * @param timeout for connecting and for each request
   */
  HttpConnections(URI base, int threads, Duration timeout) throws SSLException {
    timeoutNanos = timeout.toNanos();
    boolean tls = "https".equals(base.getScheme());
    host = base.getHost();
    port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
    hostHeader = base.getPort() > 0 ? host + ":" + port : host;
    SslContext ssl = tls ? SslContextBuilder.forClient().build() : null;
    group =
        new NioEventLoopGroup(
            threads,
            r -> {
              Thread t = new Thread(r, "loadtest-io");
              t.setDaemon(true);
              loops.add(t);
              return t;
            });
    bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 600_000))
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (ssl != null) {
                      ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                    }
                  }
                });
    // One sweep for every connection's time-out: a timer per request would cost more than the
    // request itself at tens of thousands a second.
    long every = Math.max(10, Math.min(250, timeout.toMillis() / 10));
    group.scheduleAtFixedRate(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  void watch(Connection c) {
    connections.add(c);
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Connection c : connections) {
      c.expire(now);
    }
  }

  ChannelFuture connect() {
    return bootstrap.connect(host, port);
  }

  /** Runs a task on an event loop: how a callback starts the next request without recursing. */
  Executor executor() {
    return group;
  }

  /** The event-loop threads started so far, for the client's own CPU account. */
  List<Thread> loopThreads() {
    return List.copyOf(loops);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
