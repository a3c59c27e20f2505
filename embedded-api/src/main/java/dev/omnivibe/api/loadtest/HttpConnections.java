package dev.omnivibe.api.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
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
  /** Answers larger than this fail the request rather than fill the heap. */
  private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  final String host;
  final int port;
  final String hostHeader;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final List<Thread> loops = new CopyOnWriteArrayList<>();

  HttpConnections(URI base, int threads, Duration connectTimeout) throws SSLException {
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
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (ssl != null) {
                      ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                    }
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_ANSWER_BYTES));
                  }
                });
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
