package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

/** Passes one HTTP exchange on to a local server, as a Kubernetes Service or Knative's queue-proxy would. */
final class HttpForwarder {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
      "transfer-encoding", "upgrade", "expect", "te", "trailer", "proxy-connection");

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  void forward(HttpExchange exchange, int port) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + exchange.getRequestURI()))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase())) {
        values.forEach(value -> request.header(name, value));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 503, "interrupted while forwarding");
      return;
    } catch (IOException e) {
      reply(exchange, 502, "upstream on port " + port + " failed: " + e.getMessage());
      return;
    }
    response.headers().map().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    byte[] bytes = response.body();
    exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void reply(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
