package dev.mlbench.loadgen.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * One keep-alive HTTP/1.1 connection with at most one request in flight, confined to one event loop:
 * every method must be called on that loop. It reconnects on the next send after the server closed it,
 * and reports each request, whatever its end, exactly once to its {@link Listener}.
 */
public final class Connection {

  /** Called on the connection's event loop; may send the next request right away. */
  public interface Listener {
    void onExchange(Connection connection, Exchange exchange);
  }

  /** A larger response body is counted as malformed: no inference response of the workloads comes near it. */
  private static final int MAX_RESPONSE_BYTES = 64 << 20;

  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final EncodedRequest request;
  private final boolean checkOipResponse;
  private final Listener listener;
  private final WireBytes wireBytes = new WireBytes();
  private final Responses responses = new Responses();

  private Channel channel;
  private boolean inFlight;
  private long attemptNanos;
  private long intendedNanos;
  private long connectStartNanos;
  private long connectedNanos;
  private long firstByteNanos;
  private long bytesReceived;
  private int status;
  private boolean keepAlive;
  private Outcome outcome;
  private byte[] body = new byte[4096];
  private int bodyLength;

  public Connection(EventLoop loop, Transport transport, InetSocketAddress address, int connectTimeoutMillis,
      EncodedRequest request, boolean checkOipResponse, Listener listener) {
    this.loop = loop;
    this.request = request;
    this.checkOipResponse = checkOipResponse;
    this.listener = listener;
    this.bootstrap = new Bootstrap()
        .group(loop)
        .channel(transport.channelType())
        .remoteAddress(address)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(wireBytes, new HttpResponseDecoder(), responses);
          }
        });
  }

  /**
   * Opens the connection ahead of the first send, so connecting is not part of a measured request; may be
   * called from any thread.
   */
  public Future<Void> open() {
    Promise<Void> opened = loop.newPromise();
    loop.execute(() -> connect().addListener(connected -> {
      if (connected.isSuccess()) {
        opened.setSuccess(null);
      } else {
        opened.setFailure(connected.cause());
      }
    }));
    return opened;
  }

  private ChannelFuture connect() {
    ChannelFuture future = bootstrap.connect();
    channel = future.channel();
    return future;
  }

  /** Sends the request, connecting first when the connection is closed. */
  public void send(long intendedNanos) {
    inFlight = true;
    this.intendedNanos = intendedNanos;
    attemptNanos = System.nanoTime();
    connectStartNanos = 0;
    connectedNanos = 0;
    firstByteNanos = 0;
    bytesReceived = 0;
    if (channel != null && channel.isActive()) {
      write(channel);
      return;
    }
    if (channel != null) {
      Channel stale = channel;
      channel = null;
      stale.close();
    }
    connectStartNanos = attemptNanos;
    ChannelFuture future = connect();
    Channel connecting = future.channel();
    future.addListener(done -> {
      if (connecting != channel || !inFlight) {
        return;
      }
      if (done.isSuccess()) {
        connectedNanos = System.nanoTime();
        write(connecting);
      } else {
        channel = null;
        finish(Outcome.CONNECTION, 0);
      }
    });
  }

  public boolean inFlight() {
    return inFlight;
  }

  /** When the request in flight was handed to {@link #send}. */
  public long attemptNanos() {
    return attemptNanos;
  }

  /** Ends the request in flight as a timeout; HTTP/1.1 cannot cancel a request, so the connection is dropped. */
  public void expire() {
    if (!inFlight) {
      return;
    }
    Channel timedOut = channel;
    channel = null;
    finish(Outcome.TIMEOUT, 0);
    if (timedOut != null) {
      timedOut.close();
    }
  }

  /** Closes the connection; may be called from any thread once no request is in flight. */
  public void close() {
    loop.execute(() -> {
      inFlight = false;
      if (channel != null) {
        channel.close();
        channel = null;
      }
    });
  }

  private void write(Channel target) {
    target.writeAndFlush(request.duplicate(), target.voidPromise());
  }

  private void finish(Outcome outcome, int status) {
    inFlight = false;
    listener.onExchange(this, new Exchange(intendedNanos, connectStartNanos, connectedNanos,
        firstByteNanos, System.nanoTime(), outcome, status, bytesReceived));
  }

  private void startResponse(HttpResponse response) {
    status = response.status().code();
    keepAlive = HttpUtil.isKeepAlive(response);
    outcome = response.decoderResult().isFailure() ? Outcome.MALFORMED
        : status < 200 || status >= 300 ? Outcome.ofStatus(status)
        : Outcome.SUCCESS;
    bodyLength = 0;
  }

  private void appendBody(ByteBuf content) {
    int length = content.readableBytes();
    if (bodyLength + length > MAX_RESPONSE_BYTES) {
      outcome = Outcome.MALFORMED;
      return;
    }
    if (bodyLength + length > body.length) {
      body = Arrays.copyOf(body, Math.min(MAX_RESPONSE_BYTES, Math.max(body.length * 2, bodyLength + length)));
    }
    content.getBytes(content.readerIndex(), body, bodyLength, length);
    bodyLength += length;
  }

  private Outcome endResponse() {
    if (outcome == Outcome.SUCCESS && checkOipResponse && !OipResponseCheck.isInferenceResponse(body, 0, bodyLength)) {
      return Outcome.MALFORMED;
    }
    return outcome;
  }

  @Sharable
  private final class WireBytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf bytes && ctx.channel() == channel) {
        if (firstByteNanos == 0) {
          firstByteNanos = System.nanoTime();
        }
        bytesReceived += bytes.readableBytes();
      }
      ctx.fireChannelRead(msg);
    }
  }

  @Sharable
  private final class Responses extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
      if (ctx.channel() != channel || !inFlight) {
        return;
      }
      if (message instanceof HttpResponse response) {
        startResponse(response);
      }
      if (message instanceof HttpContent content) {
        if (content.decoderResult().isFailure()) {
          outcome = Outcome.MALFORMED;
        } else if (outcome == Outcome.SUCCESS && checkOipResponse) {
          appendBody(content.content());
        }
      }
      if (message instanceof LastHttpContent) {
        Outcome ended = endResponse();
        if (ended == Outcome.MALFORMED || !keepAlive) {
          channel = null;
          ctx.close();
        }
        finish(ended, status);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (ctx.channel() == channel) {
        channel = null;
        if (inFlight) {
          finish(Outcome.CONNECTION, 0);
        }
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (ctx.channel() == channel) {
        channel = null;
        if (inFlight) {
          finish(cause instanceof DecoderException && !(cause.getCause() instanceof IOException) ? Outcome.MALFORMED : Outcome.CONNECTION, 0);
        }
      }
      ctx.close();
    }
  }
}
