package dev.mlbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;

/** Renders the report in headless Chromium, when it is installed, and keeps the screenshot for a human to look at. */
class HtmlReportScreenshotTest {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path KEPT_SCREENSHOT = Paths.get("target", "report-screenshot.png");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void rendersInHeadlessChromium(@TempDir Path temp) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + "; skipping the screenshot of the report");
    MLBenchmarkStatus status = ReportFixtures.status();
    Path html = temp.resolve("report.html");
    Files.writeString(html, HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, ReportFixtures.histograms(status), true)),
        StandardCharsets.UTF_8);
    Path screenshot = temp.resolve("report.png");

    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + temp.resolve("profile"), "--screenshot=" + screenshot, "--window-size=1280,4000", html.toUri().toString()))
        .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
    boolean exited = chromium.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      chromium.destroyForcibly();
    }
    assertTrue(exited, "Chromium did not finish within 60 s: " + Files.readString(temp.resolve("chromium.log")));

    assertTrue(Files.exists(screenshot), "no screenshot; Chromium said: " + Files.readString(temp.resolve("chromium.log")));
    byte[] png = Files.readAllBytes(screenshot);
    assertTrue(png.length > 50_000, "a page full of charts should not compress to " + png.length + " bytes");
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      assertEquals(PNG_SIGNATURE[i], png[i], "not a PNG");
    }
    Files.createDirectories(KEPT_SCREENSHOT.getParent());
    Files.copy(screenshot, KEPT_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }
}
