package dev.mlbench.loadgen.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.EncodedRequest;
import dev.mlbench.loadgen.http.Transport;
import io.netty.channel.EventLoop;

/**
 * Runs one full exchange against a throw-away loopback responder before a cold-start request, so the
 * client's own first-use costs (class loading, native transport set-up, tens of milliseconds) are paid
 * before the clock starts and the cold start measures the target alone.
 */
final class ClientWarmUp {

  private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n"
      + "Connection: close\r\n\r\n{\"outputs\":[]}").getBytes(StandardCharsets.US_ASCII);
  private static final int WAIT_SECONDS = 10;

  private ClientWarmUp() {
  }

  static void run(Transport transport, EventLoop loop, byte[] payload) {
    try (ServerSocket responder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      responder.setSoTimeout(WAIT_SECONDS * 1000);
      CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> answerOnce(responder));
      InetSocketAddress address = (InetSocketAddress) responder.getLocalSocketAddress();
      EncodedRequest request = EncodedRequest.postJson(URI.create("http://127.0.0.1:" + address.getPort()), "/warm-up", payload);
      CompletableFuture<Void> exchanged = new CompletableFuture<>();
      Connection connection = new Connection(loop, transport, address, WAIT_SECONDS * 1000, request, true,
          (c, exchange) -> exchanged.complete(null));
      loop.execute(() -> connection.send(System.nanoTime()));
      exchanged.get(WAIT_SECONDS, TimeUnit.SECONDS);
      answered.get(WAIT_SECONDS, TimeUnit.SECONDS);
      connection.close();
    } catch (IOException | ExecutionException | TimeoutException e) {
      // a failed warm-up only leaves the first-use costs in the measurement
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answerOnce(ServerSocket responder) {
    try (Socket socket = responder.accept()) {
      InputStream in = socket.getInputStream();
      in.read(new byte[8192]);
      OutputStream out = socket.getOutputStream();
      out.write(RESPONSE);
      out.flush();
    } catch (IOException e) {
      // the warm-up exchange then ends as a connection error, which is all it needs
    }
  }
}
