package dev.mlbench.api.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a benchmark's HTML report is kept in a ConfigMap, shared by the operator that writes it and the server and
 * command that read it: the page as text under {@value #HTML_KEY}, or, when it would crowd the ConfigMap's 1 MiB,
 * gzip-compressed in {@code binaryData} under {@value #GZIP_KEY}.
 */
public final class StoredReport {

  public static final String HTML_KEY = "report.html";
  public static final String GZIP_KEY = "report.html.gz";
  /** Largest page stored uncompressed: a ConfigMap holds at most 1 MiB, and its metadata needs some of it. */
  public static final int MAX_PLAIN_BYTES = 900 * 1024;
  /** Largest compressed page: still below 1 MiB once the API server has base64-encoded it back into bytes. */
  public static final int MAX_COMPRESSED_BYTES = 1000 * 1024;

  private StoredReport() {
  }

  /** The ConfigMap that holds a benchmark's report. */
  public static String configMapName(String benchmark) {
    return benchmark + "-report";
  }

  /** Path of a benchmark's report on the operator's HTTP port. */
  public static String path(String namespace, String benchmark) {
    return "/reports/" + namespace + "/" + benchmark;
  }

  /**
   * The page as ConfigMap contents.
   *
   * @param data text entries, the page itself when it is small enough
   * @param binaryData base64-encoded entries, the compressed page otherwise
   * @param key the key the page is stored under
   * @throws ReportTooLargeException when even the compressed page does not fit a ConfigMap
   */
  public record Encoded(Map<String, String> data, Map<String, String> binaryData, String key, long sizeBytes) {

    public static Encoded of(String html) {
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      if (bytes.length <= MAX_PLAIN_BYTES) {
        return new Encoded(Map.of(HTML_KEY, html), Map.of(), HTML_KEY, bytes.length);
      }
      byte[] compressed = gzip(bytes);
      if (compressed.length > MAX_COMPRESSED_BYTES) {
        throw new ReportTooLargeException("the report is " + bytes.length + " bytes, " + compressed.length
            + " compressed: more than a ConfigMap holds (" + MAX_COMPRESSED_BYTES + " bytes)");
      }
      return new Encoded(Map.of(), Map.of(GZIP_KEY, Base64.getEncoder().encodeToString(compressed)), GZIP_KEY, bytes.length);
    }
  }

  /** The page kept in a ConfigMap's data or binaryData, whichever holds it; empty when neither does. */
  public static Optional<String> decode(Map<String, String> data, Map<String, String> binaryData) {
    if (data != null && data.containsKey(HTML_KEY)) {
      return Optional.of(data.get(HTML_KEY));
    }
    if (binaryData != null && binaryData.containsKey(GZIP_KEY)) {
      return Optional.of(gunzip(Base64.getMimeDecoder().decode(binaryData.get(GZIP_KEY))));
    }
    return Optional.empty();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String gunzip(byte[] compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the stored report is not valid gzip: " + e.getMessage(), e);
    }
  }
}
