package dev.mlbench.loadgen.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An HTTP/1.1 request encoded once into a direct buffer; every send writes a duplicate of the same bytes,
 * so sending costs no encoding and no allocation beyond the duplicate's indices.
 */
public final class EncodedRequest {

  private final ByteBuf bytes;

  private EncodedRequest(ByteBuf bytes) {
    this.bytes = bytes;
  }

  public static EncodedRequest postJson(URI target, String path, byte[] body) {
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "Host: " + hostHeader(target) + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Accept: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    ByteBuf buffer = Unpooled.directBuffer(headBytes.length + body.length);
    buffer.writeBytes(headBytes).writeBytes(body);
    return new EncodedRequest(Unpooled.unreleasableBuffer(buffer));
  }

  /** A view of the request that the channel may consume and release. */
  ByteBuf duplicate() {
    return bytes.duplicate();
  }

  private static String hostHeader(URI target) {
    return target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
  }
}
