package dev.omnivibe.api.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One keep-alive connection carrying one request at a time, as a user of a closed loop or a slot of
 * the open model does. A connection the server closed is opened again on the next request.
 *
 * <p>Requests are written as bytes ({@link RequestBytes}) and answers are read by Netty's decoder
 * without aggregation: a load tester spends as little CPU per request as it can, since every cycle
 * it takes is a cycle the server it measures does not get.
 */
final class Connection {
  private final HttpConnections pool;
  private volatile Channel channel;
  private volatile CompletableFuture<Outcome> pending;
  private volatile long deadline = Long.MAX_VALUE;
  private volatile boolean head;
  private boolean wantBody;
  private int status;
  private StringBuilder body;

  Connection(HttpConnections pool) {
    this.pool = pool;
    pool.watch(this);
  }

  /** Sends one request; the answer's body is kept only when {@code keepBody} is set. */
  CompletableFuture<Outcome> send(ByteBuf request, boolean isHead, boolean keepBody) {
    CompletableFuture<Outcome> answer = new CompletableFuture<>();
    pending = answer;
    head = isHead;
    wantBody = keepBody;
    deadline = System.nanoTime() + pool.timeoutNanos;
    Channel ch = channel;
    if (ch != null && ch.isActive()) {
      write(ch, request, answer);
    } else {
      pool.connect()
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  Channel c = ((ChannelFuture) f).channel();
                  c.pipeline().addLast(new Decoder()).addLast(new Answers());
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

  private static void write(Channel ch, ByteBuf request, CompletableFuture<Outcome> answer) {
    ch.writeAndFlush(request)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                answer.complete(Outcome.failed(Outcome.rootMessage(f.cause())));
              }
            });
  }

  /** Called by the pool's sweep: fails a request past its time-out and drops the connection. */
  void expire(long now) {
    CompletableFuture<Outcome> p = pending;
    if (p != null && now > deadline && !p.isDone()) {
      // HTTP/1.1 cannot cancel one request, so a late answer costs the connection.
      if (p.complete(Outcome.failed("timed out after " + pool.timeoutNanos / 1_000_000 + " ms"))) {
        Channel ch = channel;
        if (ch != null) {
          ch.close();
        }
      }
    }
  }

  /** A HEAD answer announces a length but carries no body; the decoder must be told. */
  private final class Decoder extends HttpResponseDecoder {
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
      return head || super.isContentAlwaysEmpty(msg);
    }
  }

  /** Completes the request in flight from the event loop that read its answer. */
  private final class Answers extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpResponse r) {
        status = r.status().code();
        body = wantBody ? new StringBuilder() : null;
      }
      if (msg instanceof HttpContent c && body != null) {
        body.append(c.content().toString(StandardCharsets.UTF_8));
      }
      if (msg instanceof LastHttpContent) {
        long end = System.nanoTime();
        CompletableFuture<Outcome> p = pending;
        if (p != null) {
          p.complete(new Outcome(status, end, null, body == null ? null : body.toString()));
        }
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

  static ByteBuf bytes(byte[] request) {
    return Unpooled.wrappedBuffer(request);
  }
}
