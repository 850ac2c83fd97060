package dev.mlbench.controller.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Open Inference Protocol v2 server on loopback that answers every inference after a fixed service
 * time: real HTTP for the real load generator where a test needs speed more than a real model.
 */
public final class TestingModelServer implements AutoCloseable {

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(8);
  private final AtomicLong inferences = new AtomicLong();
  private volatile int status = 200;
  private final long startedAt = System.currentTimeMillis();
  private final long readyAt = startedAt + 1;

  private TestingModelServer(HttpServer server) {
    this.server = server;
  }

  public static TestingModelServer start(long serviceMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    TestingModelServer model = new TestingModelServer(server);
    server.createContext("/", exchange -> model.handle(exchange, serviceMillis));
    server.setExecutor(model.workers);
    server.start();
    return model;
  }

  /** Makes every inference answer with this HTTP status (500 plays a model that answers only errors). */
  public void answerWith(int status) {
    this.status = status;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public long inferences() {
    return inferences.get();
  }

  private void handle(HttpExchange exchange, long serviceMillis) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    String path = exchange.getRequestURI().getPath();
    if ("/metrics".equals(path)) {
      // the model servers' own startup timestamps, which the cold-start probe reads
      respond(exchange, 200, "mlbench_process_start_time_seconds " + startedAt / 1000.0 + "\n"
          + "mlbench_model_ready_time_seconds " + readyAt / 1000.0 + "\n"
          + "process_cpu_time_ns_total " + PROCESS.getProcessCpuTime() + "\n"
          + "process_resident_memory_bytes " + residentBytes() + "\n", "text/plain; version=0.0.4");
      return;
    }
    if (path.startsWith("/v2/health") || "/v2".equals(path)) {
      respond(exchange, 200, "{}");
      return;
    }
    if (!path.endsWith("/infer") || !"POST".equals(exchange.getRequestMethod())) {
      respond(exchange, 404, "{\"error\":\"unknown path\"}");
      return;
    }
    try {
      Thread.sleep(serviceMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inferences.incrementAndGet();
    if (status != 200) {
      respond(exchange, status, "{\"error\":\"failing on purpose\"}");
      return;
    }
    String model = path.split("/")[3];
    respond(exchange, 200, "{\"model_name\":\"" + model + "\",\"outputs\":[{\"name\":\"label\",\"shape\":[1],"
        + "\"datatype\":\"BYTES\",\"data\":[\"ok\"]}]}");
  }

  /** This process's resident memory, as the kernel counts it. */
  private static long residentBytes() throws IOException {
    String[] statm = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/statm")).trim().split("\\s+");
    return Long.parseLong(statm[1]) * 4096;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    respond(exchange, status, json, "application/json");
  }

  private static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
