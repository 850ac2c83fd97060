package dev.mlbench.analysis.report;

import java.util.Locale;

/** Escaping and number formatting shared by the report's HTML and SVG (the output must also parse as XML). */
final class Markup {

  static final String MISSING = "–";

  private Markup() {
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          // control characters other than tab and newlines are not allowed in XML 1.0
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            escaped.append('?');
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /** A name usable inside an element id: letters, digits, '-' and '_' only. */
  static String idPart(String text) {
    return text == null ? "unnamed" : text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String number(Double value, int decimals) {
    return value == null || value.isNaN() ? MISSING : number(value.doubleValue(), decimals);
  }

  static String dollars(Double value) {
    return value == null || value.isNaN() ? MISSING : "$" + number(value.doubleValue(), 2);
  }

  /** Coordinates in SVG: fixed point, no grouping separators. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Axis tick labels: short, with k/M suffixes for large values. */
  static String tick(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1_000_000) {
      return trim(value / 1_000_000) + "M";
    }
    if (magnitude >= 10_000) {
      return trim(value / 1_000) + "k";
    }
    return trim(value);
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}
