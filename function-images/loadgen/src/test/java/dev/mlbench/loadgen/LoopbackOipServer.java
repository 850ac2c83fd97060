package dev.mlbench.loadgen;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A loopback OIP v2 server for tests. The model name picks the behaviour: {@code ok} answers at once,
 * {@code slow} after {@link #SLOW_MILLIS}, {@code fail} with 500, {@code missing} with 404, {@code garbage}
 * with a 200 that is no inference response. Optionally the whole server freezes for {@code freezeMillis}
 * at the end of every {@code cycleMillis}: requests arriving then are answered when the freeze ends.
 * {@code GET /metrics} exposes the mlbench startup gauges when constructed with them.
 */
public final class LoopbackOipServer implements AutoCloseable {

  public static final long SLOW_MILLIS = 1000;
  private static final byte[] INFERENCE_RESPONSE =
      "{\"model_name\":\"ok\",\"outputs\":[{\"name\":\"y\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[0.5]}]}".getBytes(StandardCharsets.UTF_8);

  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final Channel server;
  private final long startNanos = System.nanoTime();
  private final long cycleNanos;
  private final long freezeNanos;
  private final String metrics;
  private final AtomicLong inferences = new AtomicLong();

  private LoopbackOipServer(long cycleMillis, long freezeMillis, String metrics) {
    this.cycleNanos = TimeUnit.MILLISECONDS.toNanos(cycleMillis);
    this.freezeNanos = TimeUnit.MILLISECONDS.toNanos(freezeMillis);
    this.metrics = metrics;
    this.server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
          }
        })
        .bind("127.0.0.1", 0)
        .syncUninterruptibly()
        .channel();
  }

  public static LoopbackOipServer start() {
    return new LoopbackOipServer(0, 0, null);
  }

  public static LoopbackOipServer freezing(long cycleMillis, long freezeMillis) {
    return new LoopbackOipServer(cycleMillis, freezeMillis, null);
  }

  public static LoopbackOipServer withMetrics(String prometheusText) {
    return new LoopbackOipServer(0, 0, prometheusText);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  public long inferences() {
    return inferences.get();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  private long freezeRemainingNanos() {
    if (cycleNanos == 0) {
      return 0;
    }
    long intoCycle = (System.nanoTime() - startNanos) % cycleNanos;
    return intoCycle >= cycleNanos - freezeNanos ? cycleNanos - intoCycle : 0;
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String uri = request.uri();
      if (uri.equals("/metrics")) {
        reply(ctx, metrics == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK,
            metrics == null ? new byte[0] : metrics.getBytes(StandardCharsets.UTF_8), 0);
        return;
      }
      inferences.incrementAndGet();
      String model = uri.replaceFirst("^/v2/models/([^/]+)/infer$", "$1");
      long delayNanos = freezeRemainingNanos();
      switch (model) {
        case "ok" -> reply(ctx, HttpResponseStatus.OK, INFERENCE_RESPONSE, delayNanos);
        case "slow" -> reply(ctx, HttpResponseStatus.OK, INFERENCE_RESPONSE, TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS));
        case "fail" -> reply(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8), 0);
        case "garbage" -> reply(ctx, HttpResponseStatus.OK, "{\"result\":42}".getBytes(StandardCharsets.UTF_8), 0);
        default -> reply(ctx, HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such model\"}".getBytes(StandardCharsets.UTF_8), 0);
      }
    }

    private void reply(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, long delayNanos) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      if (delayNanos > 0) {
        ctx.executor().schedule(() -> ctx.writeAndFlush(response), delayNanos, TimeUnit.NANOSECONDS);
      } else {
        ctx.writeAndFlush(response);
      }
    }
  }
}
