package dev.mlbench.loadgen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void readsTheSpecsDurationsAndIso8601() {
    assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
    assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30s"));
    assertEquals(Duration.ofSeconds(90), DurationConverter.parse("1m30s"));
    assertEquals(Duration.ofMillis(1500), DurationConverter.parse("1.5s"));
    assertEquals(Duration.ofHours(1), DurationConverter.parse("1h"));
    assertEquals(Duration.ofMinutes(2), DurationConverter.parse("PT2M"));
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad : new String[] {"", "10", "-5s", "5 s", "5sec", "s", "PTx"}) {
      assertThrows(TypeConversionException.class, () -> DurationConverter.parse(bad), bad);
    }
  }
}
