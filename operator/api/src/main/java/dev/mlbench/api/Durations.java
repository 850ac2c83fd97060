package dev.mlbench.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the Kubernetes way ("500ms", "1m30s", "2h"), as the CRD's CEL {@code duration()} reads them. */
public final class Durations {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private Durations() {
  }

  /** Parses a duration, or throws {@link IllegalArgumentException} with a message that says what is wrong. */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: use a number and a unit, ms, s, m or h,"
          + " e.g. 500ms, 30s, 1m30s");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      BigDecimal amount = new BigDecimal(part.group(1));
      long unitNanos = switch (part.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unitNanos)));
      if (nanos.compareTo(MAX_NANOS) > 0) {
        throw new IllegalArgumentException("'" + text + "' is too long a duration");
      }
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
