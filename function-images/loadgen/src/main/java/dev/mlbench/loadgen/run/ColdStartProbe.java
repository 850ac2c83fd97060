package dev.mlbench.loadgen.run;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mlbench.api.results.ColdStartResult;
import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.Exchange;
import dev.mlbench.loadgen.http.Outcome;
import dev.mlbench.loadgen.http.Transport;
import io.netty.channel.EventLoop;

/**
 * Times one inference on a fresh connection to a target scaled to zero — connect, first byte, full
 * response — then reads the server's own startup timestamps.
 */
public final class ColdStartProbe {

  private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(5);

  private final ScenarioConfig config;

  public ColdStartProbe(ScenarioConfig config) {
    this.config = config;
  }

  public ColdStartResult run() {
    Exchange exchange;
    long startEpochMillis;
    try (Transport transport = new Transport(1)) {
      EventLoop loop = transport.group().next();
      ClientWarmUp.run(transport, loop, config.payload());
      CompletableFuture<Exchange> finished = new CompletableFuture<>();
      Connection connection = new TargetConnections(transport, config).create(loop, (c, e) -> finished.complete(e));
      startEpochMillis = System.currentTimeMillis();
      loop.execute(() -> connection.send(System.nanoTime()));
      exchange = await(finished, loop, connection);
      connection.close();
    }
    ServerStartupMetrics server = exchange.outcome() == Outcome.SUCCESS
        ? ServerStartupMetrics.fetch(metricsUri(), METRICS_TIMEOUT)
        : ServerStartupMetrics.UNKNOWN;
    return new ColdStartResult(startEpochMillis,
        millisBetween(exchange.connectStartNanos(), exchange.connectedNanos()),
        millisBetween(exchange.connectStartNanos(), exchange.firstByteNanos()),
        exchange.outcome() == Outcome.SUCCESS ? millisBetween(exchange.connectStartNanos(), exchange.endNanos()) : null,
        exchange.status(), exchange.responseBytes(),
        exchange.outcome() == Outcome.SUCCESS ? null : exchange.outcome().resultName(),
        server.processStartEpochMillis(), server.modelReadyEpochMillis());
  }

  private Exchange await(CompletableFuture<Exchange> finished, EventLoop loop, Connection connection) {
    try {
      return finished.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      loop.execute(connection::expire);
      return finished.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cold-start request failed", e.getCause());
    }
  }

  private URI metricsUri() {
    URI target = config.target();
    return URI.create(target.getScheme() + "://" + target.getRawAuthority() + config.metricsPath());
  }

  private static Double millisBetween(long fromNanos, long toNanos) {
    return fromNanos == 0 || toNanos == 0 ? null : (toNanos - fromNanos) / 1e6;
  }
}
