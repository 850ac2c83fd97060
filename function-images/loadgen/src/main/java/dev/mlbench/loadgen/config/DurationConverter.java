package dev.mlbench.loadgen.config;

import java.time.Duration;
import java.util.regex.Matcher;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as the MLBenchmark spec writes them ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1m30s}) or ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String text = value.strip();
    if (text.startsWith("P") || text.startsWith("p")) {
      try {
        return Duration.parse(text);
      } catch (RuntimeException e) {
        throw new TypeConversionException("'" + value + "' is not a duration");
      }
    }
    Matcher matcher = PART.matcher(text);
    double nanos = 0;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      nanos += Double.parseDouble(matcher.group(1)) * nanosPer(matcher.group(2));
      end = matcher.end();
    }
    if (end == 0 || end != text.length()) {
      throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 30s, 2m, 1h or 1m30s");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  /** The way the spec writes it: whole seconds as {@code 30s}, anything finer in milliseconds. */
  public static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }
}
