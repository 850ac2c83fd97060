package dev.mlbench.loadgen.run;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.EncodedRequest;
import dev.mlbench.loadgen.http.Transport;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;

/** Makes the inference connections of a run to its target and opens them before measuring. */
final class TargetConnections {

  private final Transport transport;
  private final InetSocketAddress address;
  private final EncodedRequest request;
  private final ScenarioConfig config;

  TargetConnections(Transport transport, ScenarioConfig config) {
    this.transport = transport;
    this.config = config;
    this.address = resolve(config.target());
    this.request = EncodedRequest.postJson(config.target(), config.inferPath(), config.payload());
  }

  Connection create(EventLoop loop, Connection.Listener listener) {
    return new Connection(loop, transport, address, (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()),
        request, config.checkOipResponse(), listener);
  }

  /**
   * Opens every connection; fails when none opens, and leaves the ones that did not open to reconnect on
   * their first send.
   */
  void openAll(List<Connection> connections) {
    List<Future<Void>> opening = new ArrayList<>();
    for (Connection connection : connections) {
      opening.add(connection.open());
    }
    Throwable failure = null;
    boolean anyOpen = false;
    long deadline = System.nanoTime() + config.timeout().toNanos();
    for (Future<Void> future : opening) {
      future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (future.isSuccess()) {
        anyOpen = true;
      } else if (failure == null) {
        failure = future.cause() != null ? future.cause() : new IllegalStateException("no connection within " + config.timeout());
      }
    }
    if (!anyOpen) {
      throw new TargetUnreachableException("target " + config.target() + " (" + address.getAddress().getHostAddress() + ":"
          + address.getPort() + ") is unreachable: " + describe(failure), failure);
    }
  }

  static InetSocketAddress resolve(URI target) {
    int port = target.getPort() < 0 ? 80 : target.getPort();
    try {
      return new InetSocketAddress(InetAddress.getByName(target.getHost()), port);
    } catch (UnknownHostException e) {
      throw new TargetUnreachableException("target host '" + target.getHost() + "' cannot be resolved", e);
    }
  }

  static String describe(Throwable failure) {
    if (failure == null) {
      return "no connection opened";
    }
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }
}
