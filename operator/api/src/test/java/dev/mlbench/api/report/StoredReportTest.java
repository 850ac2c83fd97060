package dev.mlbench.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StoredReportTest {

  @Test
  void aPageThatFitsIsStoredAsTextUnderReportHtml() {
    String html = "<html><body>Résumé — 1 µs</body></html>";

    StoredReport.Encoded encoded = StoredReport.Encoded.of(html);

    assertEquals(Map.of(StoredReport.HTML_KEY, html), encoded.data());
    assertTrue(encoded.binaryData().isEmpty());
    assertEquals(StoredReport.HTML_KEY, encoded.key());
    assertEquals(html.getBytes(StandardCharsets.UTF_8).length, encoded.sizeBytes());
    assertEquals(html, StoredReport.decode(encoded.data(), encoded.binaryData()).orElseThrow());
  }

  @Test
  void aPageLargerThan900KiBIsGzippedIntoBinaryDataAndReadBackExactly() {
    StringBuilder page = new StringBuilder("<html><body><table>");
    for (int row = 0; page.length() < 2 * 1024 * 1024; row++) {
      page.append("<tr><td>row ").append(row).append("</td><td>").append(row * 0.37).append(" ms</td></tr>\n");
    }
    String html = page.append("</table></body></html>").toString();

    StoredReport.Encoded encoded = StoredReport.Encoded.of(html);

    assertTrue(encoded.data().isEmpty());
    assertEquals(StoredReport.GZIP_KEY, encoded.key());
    byte[] stored = Base64.getDecoder().decode(encoded.binaryData().get(StoredReport.GZIP_KEY));
    assertTrue(stored.length <= StoredReport.MAX_COMPRESSED_BYTES, "compressed to " + stored.length);
    assertEquals(0x1f, stored[0] & 0xff, "gzip magic");
    assertEquals(0x8b, stored[1] & 0xff, "gzip magic");
    assertEquals(html, StoredReport.decode(encoded.data(), encoded.binaryData()).orElseThrow());
  }

  @Test
  void aPageExactlyAtTheLimitStaysText() {
    String html = "x".repeat(StoredReport.MAX_PLAIN_BYTES);

    assertEquals(StoredReport.HTML_KEY, StoredReport.Encoded.of(html).key());
    assertEquals(StoredReport.GZIP_KEY, StoredReport.Encoded.of(html + "x").key());
  }

  @Test
  void aPageThatDoesNotFitEvenCompressedIsRefusedWithItsSizes() {
    Random random = new Random(7);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
    StringBuilder noise = new StringBuilder();
    for (int i = 0; i < 2 * 1024 * 1024; i++) {
      noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }

    var error = assertThrows(ReportTooLargeException.class, () -> StoredReport.Encoded.of(noise.toString()));

    assertTrue(error.getMessage().startsWith("the report is 2097152 bytes, "), error.getMessage());
    assertTrue(error.getMessage().contains("more than a ConfigMap holds"), error.getMessage());
  }

  @Test
  void aConfigMapWithoutTheReportDecodesToNothing() {
    assertTrue(StoredReport.decode(Map.of("other", "x"), null).isEmpty());
    assertTrue(StoredReport.decode(null, null).isEmpty());
  }
}
