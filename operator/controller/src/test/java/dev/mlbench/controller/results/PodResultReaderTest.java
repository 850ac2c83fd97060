package dev.mlbench.controller.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Result lines are read from the log tail in bounded memory, however much a hostile pod prints. */
class PodResultReaderTest {

  @Test
  void anEndlessLogIsCutOffAtTheLimitAndFailsWithoutBeingReadWhole() throws Exception {
    AtomicLong served = new AtomicLong();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served.incrementAndGet();
        return 'x';
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
        served.addAndGet(length);
        return length;
      }
    };

    var result = PodResultReader.parse("load-0", endless);

    assertThat(result.result()).isNull();
    assertThat(result.problem()).contains("load-0").contains("too large to hold a result");
    assertThat(served.get()).isLessThanOrEqualTo(PodResultReader.MAX_TAIL_BYTES + 1L + 8192);
  }

  @Test
  void aGarbledOrMissingResultLineIsReportedNotThrown() throws Exception {
    assertThat(parse("progress 10%\nMLBENCH_RESULT {not json\n").problem()).contains("printed a bad result line");
    assertThat(parse("progress 10%\nprogress 20%\n").problem()).contains("printed no MLBENCH_RESULT line");
    assertThat(parse("\u0000\u0001\u0002 binary garbage \uFFFF\n").problem()).contains("printed no MLBENCH_RESULT line");
  }

  private static PodResultReader.PodResult parse(String log) throws Exception {
    return PodResultReader.parse("load-0", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
  }
}
