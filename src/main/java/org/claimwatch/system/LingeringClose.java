package org.claimwatch.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes the server's side of a connection the way HTTP/1.1 servers must when the client may still
 * be sending (RFC 9112, section 9.6, "lingering close"): first the answer, then a half-close (the
 * client reads the answer and the end of the stream), then whatever the client still sends is read
 * and dropped until it closes its side, for at most {@code claimwatch.http.linger-quiet} (2 s)
 * without a byte, {@link #MOST_MS} in all or {@link #MOST_BYTES}. Closing at once with unread bytes
 * makes the kernel reset the connection, and a client still writing a refused body ({@link
 * RefusedBodyFilter} closes after refusing one, often before reading it) then loses the answer to
 * "connection reset". Only such a connection lingers ({@link #after}); any other close (an idle
 * one, the server's shutdown) is at once.
 */
@Singleton
class LingeringClose implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final long MOST_MS = 30_000;
  private static final long MOST_BYTES = 64L * 1024 * 1024;

  private static final AttributeKey<Boolean> LINGER = AttributeKey.valueOf("claimwatch.linger");

  private final long quietMs;

  LingeringClose(@Value("${claimwatch.http.linger-quiet:2s}") Duration quiet) {
    this.quietMs = Math.max(1, quiet.toMillis());
  }

  /** The connection of {@code request} lingers when it closes. */
  static void after(HttpRequest<?> request) {
    if (request instanceof NettyHttpRequest<?> netty) {
      netty.getChannelHandlerContext().channel().attr(LINGER).set(Boolean.TRUE);
    }
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new PerConnection(null, quietMs));
    return event.getBean();
  }

  /** Adds the handler in front of every connection's pipeline, before any decoding. */
  private record PerConnection(Channel channel, long quietMs) implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return role == ChannelRole.CONNECTION ? new PerConnection(channel, quietMs) : this;
    }

    @Override
    public void onInitialPipelineBuilt() {
      if (channel instanceof DuplexChannel) {
        channel.pipeline().addFirst("claimwatch-lingering-close", new Handler(quietMs));
      }
    }
  }

  /**
   * Turns the first close of a connection marked by {@link #after} into a half-close and a drain;
   * passes everything else through.
   */
  static final class Handler extends ChannelDuplexHandler {
    private final long quietMs;
    private boolean lingering;
    private long dropped;
    private long lastRead;
    private ScheduledFuture<?> check;
    private ScheduledFuture<?> deadline;

    Handler(long quietMs) {
      this.quietMs = quietMs;
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
      DuplexChannel channel = (DuplexChannel) ctx.channel();
      if (lingering
          || !Boolean.TRUE.equals(channel.attr(LINGER).get())
          || !channel.isActive()
          || channel.isInputShutdown()) {
        ctx.close(promise);
        return;
      }
      lingering = true;
      channel.closeFuture().addListener(f -> promise.trySuccess());
      // closed by then whatever happens: a client that reads nothing holds the answer unsent
      deadline = ctx.executor().schedule(() -> ctx.close(), MOST_MS, TimeUnit.MILLISECONDS);
      // After every write before it has gone out: a half-close fails writes still queued.
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
          .addListener(
              written -> {
                if (!written.isSuccess() || !channel.isActive()) {
                  ctx.close();
                  return;
                }
                channel
                    .shutdownOutput()
                    .addListener(
                        shut -> {
                          if (!shut.isSuccess()) {
                            ctx.close();
                            return;
                          }
                          channel.config().setAutoRead(true);
                          ctx.read();
                          lastRead = System.nanoTime(); // quiet from the half-close on
                          schedule(ctx);
                        });
              });
    }

    private void schedule(ChannelHandlerContext ctx) {
      check = ctx.executor().schedule(() -> expire(ctx), quietMs, TimeUnit.MILLISECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
      if (System.nanoTime() - lastRead >= TimeUnit.MILLISECONDS.toNanos(quietMs)) {
        ctx.close();
      } else {
        schedule(ctx);
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!lingering) {
        ctx.fireChannelRead(msg);
        return;
      }
      if (msg instanceof ByteBuf bytes) {
        dropped += bytes.readableBytes();
      }
      ReferenceCountUtil.release(msg);
      lastRead = System.nanoTime();
      if (dropped > MOST_BYTES) {
        ctx.close();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      if (!lingering) {
        ctx.fireChannelReadComplete();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (lingering) {
        ctx.close(); // the client reset a connection already answered: nothing left to tell
      } else {
        ctx.fireExceptionCaught(cause);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (check != null) {
        check.cancel(false);
      }
      if (deadline != null) {
        deadline.cancel(false);
      }
      super.channelInactive(ctx);
    }
  }
}
