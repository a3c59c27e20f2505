package dev.omnivibe.api.loadtest;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One keep-alive connection carrying one request at a time, as a user of a closed loop or a slot of
 * the open model does. A connection the server closed is opened again on the next request.
 */
final class Connection {
  private final HttpConnections pool;
  private final String token;
  private final long timeoutNanos;
  private volatile Channel channel;
  private volatile CompletableFuture<Outcome> pending;
  private volatile boolean wantBody;

  Connection(HttpConnections pool, String token, long timeoutNanos) {
    this.pool = pool;
    this.token = token;
    this.timeoutNanos = timeoutNanos;
  }

  /** Sends one request; the answer's body is kept only when {@code keepBody} is set. */
  CompletableFuture<Outcome> send(String method, String path, String jsonBody, boolean keepBody) {
    CompletableFuture<Outcome> answer = new CompletableFuture<>();
    pending = answer;
    wantBody = keepBody;
    FullHttpRequest request = request(method, path, jsonBody);
    Channel ch = channel;
    if (ch != null && ch.isActive()) {
      write(ch, request, answer);
    } else {
      pool.connect()
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  Channel c = ((ChannelFuture) f).channel();
                  c.pipeline().addLast(new Answers());
                  channel = c;
                  write(c, request, answer);
                } else {
                  request.release();
                  answer.complete(Outcome.failed(Outcome.rootMessage(f.cause())));
                }
              });
    }
    return answer;
  }

  private void write(Channel ch, FullHttpRequest request, CompletableFuture<Outcome> answer) {
    ch.writeAndFlush(request)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                answer.complete(Outcome.failed(Outcome.rootMessage(f.cause())));
              }
            });
    ScheduledFuture<?> timer =
        ch.eventLoop()
            .schedule(
                () -> {
                  // HTTP/1.1 cannot cancel one request, so a late answer costs the connection.
                  if (answer.complete(
                      Outcome.failed("timed out after " + timeoutNanos / 1_000_000 + " ms"))) {
                    ch.close();
                  }
                },
                timeoutNanos,
                TimeUnit.NANOSECONDS);
    // Left in place, every answered request would keep its timer queued for the whole timeout.
    answer.whenComplete((o, e) -> timer.cancel(false));
  }

  private FullHttpRequest request(String method, String path, String jsonBody) {
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    FullHttpRequest r =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), path, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.HOST, pool.hostHeader);
    if (token != null) {
      r.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    if (jsonBody != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    }
    if (jsonBody != null || !method.equals("GET") && !method.equals("HEAD")) {
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    }
    return r;
  }

  /** Completes the request in flight from the event loop that read its answer. */
  private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
      long end = System.nanoTime();
      CompletableFuture<Outcome> p = pending;
      if (p != null) {
        String body = wantBody ? r.content().toString(StandardCharsets.UTF_8) : null;
        p.complete(new Outcome(r.status().code(), end, null, body));
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      CompletableFuture<Outcome> p = pending;
      // A connection dropped earlier (after a time-out) must not fail its successor's request.
      if (p != null && ctx.channel() == channel) {
        p.complete(Outcome.failed("the server closed the connection"));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      CompletableFuture<Outcome> p = pending;
      if (p != null && ctx.channel() == channel) {
        p.complete(Outcome.failed(Outcome.rootMessage(cause)));
      }
      ctx.close();
    }
  }
}
