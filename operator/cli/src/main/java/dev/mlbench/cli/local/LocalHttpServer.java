package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server with a thread per exchange, as the proxies in front of local pods need. */
final class LocalHttpServer implements AutoCloseable {

  static {
    // without TCP_NODELAY, headers and body leave as two segments and delayed ACKs add ~40 ms per response
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;

  LocalHttpServer(String name, HttpHandler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newCachedThreadPool(LocalCluster.daemon(name));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
