package dev.mlbench.loadgen.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Netty's native epoll transport where the platform has it (fewer copies and syscalls), NIO elsewhere. */
public final class Transport implements AutoCloseable {

  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> channelType;

  public Transport(int threads) {
    if (Epoll.isAvailable()) {
      group = new EpollEventLoopGroup(threads);
      channelType = EpollSocketChannel.class;
    } else {
      group = new NioEventLoopGroup(threads);
      channelType = NioSocketChannel.class;
    }
  }

  public EventLoopGroup group() {
    return group;
  }

  public Class<? extends SocketChannel> channelType() {
    return channelType;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
