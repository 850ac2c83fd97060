package dev.mlbench.analysis.report;

import static dev.mlbench.analysis.report.Markup.coordinate;
import static dev.mlbench.analysis.report.Markup.escape;
import static dev.mlbench.analysis.report.Markup.tick;

import java.util.ArrayList;
import java.util.List;

/** A minimal SVG plotter: linear axes with ticks, polylines, markers with bands, stacked horizontal bars, legends. */
final class Svg {

  record Point(double x, double y) {
  }

  record Series(String label, String colour, boolean dashed, List<Point> points) {
  }

  /** A vertical line at x with an optional shaded band [low, high]. */
  record Marker(String label, String colour, double x, double low, double high) {
  }

  /** One stacked bar: its label and one value per component (same order as the component names). */
  record Bar(String label, List<Double> values) {
  }

  private static final int WIDTH = 580;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 34;
  private static final int LEGEND_ROW = 18;
  private static final int TICKS = 5;
  private static final int LEGEND_COLUMNS = 3;

  private Svg() {
  }

  static String lineChart(String id, String title, String xLabel, String yLabel, List<Series> series, List<Marker> markers) {
    List<Series> drawable = series.stream().filter(s -> !s.points().isEmpty()).toList();
    int plotHeight = 260;
    int legendRows = drawable.size() + markers.size();
    int height = TOP + plotHeight + 50 + legendRows * LEGEND_ROW;
    StringBuilder svg = open(id, title, height);
    double xMax = 0;
    double yMax = 0;
    double xMin = Double.POSITIVE_INFINITY;
    for (Series s : drawable) {
      for (Point p : s.points()) {
        xMax = Math.max(xMax, p.x());
        xMin = Math.min(xMin, p.x());
        yMax = Math.max(yMax, p.y());
      }
    }
    for (Marker m : markers) {
      xMax = Math.max(xMax, Math.max(m.x(), m.high()));
    }
    xMin = Double.isInfinite(xMin) ? 0 : Math.min(0, xMin);
    Axis x = Axis.of(xMin, xMax);
    Axis y = Axis.of(0, yMax);
    int plotWidth = WIDTH - LEFT - RIGHT;
    Frame frame = new Frame(LEFT, TOP, plotWidth, plotHeight, x, y);
    frame.drawAxes(svg, xLabel, yLabel);
    for (Marker m : markers) {
      if (m.high() > m.low()) {
        double left = frame.px(Math.max(m.low(), x.min()));
        double right = frame.px(Math.min(m.high(), x.max()));
        svg.append("<rect x=\"").append(coordinate(left)).append("\" y=\"").append(TOP)
            .append("\" width=\"").append(coordinate(Math.max(1, right - left))).append("\" height=\"").append(plotHeight)
            .append("\" fill=\"").append(m.colour()).append("\" fill-opacity=\"0.15\"/>\n");
      }
      double at = frame.px(m.x());
      svg.append("<line x1=\"").append(coordinate(at)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(coordinate(at))
          .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"").append(m.colour())
          .append("\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n");
    }
    for (Series s : drawable) {
      svg.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2\"");
      if (s.dashed()) {
        svg.append(" stroke-dasharray=\"6 4\"");
      }
      svg.append(" points=\"");
      for (Point p : s.points()) {
        svg.append(coordinate(frame.px(p.x()))).append(',').append(coordinate(frame.py(p.y()))).append(' ');
      }
      svg.append("\"/>\n");
      if (s.points().size() <= 12) {
        for (Point p : s.points()) {
          svg.append("<circle cx=\"").append(coordinate(frame.px(p.x()))).append("\" cy=\"").append(coordinate(frame.py(p.y())))
              .append("\" r=\"3\" fill=\"").append(s.colour()).append("\"/>\n");
        }
      }
    }
    int legendTop = TOP + plotHeight + 46;
    int row = 0;
    for (Series s : drawable) {
      legendEntry(svg, legendTop + row++ * LEGEND_ROW, s.colour(), s.dashed(), s.label());
    }
    for (Marker m : markers) {
      legendEntry(svg, legendTop + row++ * LEGEND_ROW, m.colour(), true, m.label());
    }
    return close(svg);
  }

  static String stackedBars(String id, String title, String valueLabel, List<String> components, List<String> colours, List<Bar> bars) {
    int barHeight = 22;
    int gap = 12;
    int left = 140;
    int plotHeight = Math.max(1, bars.size()) * (barHeight + gap);
    int height = TOP + plotHeight + 50 + LEGEND_ROW * ((components.size() + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS);
    StringBuilder svg = open(id, title, height);
    double max = bars.stream().mapToDouble(b -> b.values().stream().mapToDouble(v -> Math.max(0, v)).sum()).max().orElse(0);
    Axis x = Axis.of(0, max);
    Frame frame = new Frame(left, TOP, WIDTH - left - RIGHT - 60, plotHeight, x, Axis.of(0, 1));
    frame.drawValueAxis(svg, valueLabel);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double top = TOP + gap / 2.0 + i * (barHeight + gap);
      text(svg, left - 8, top + barHeight / 2.0 + 4, "end", bar.label());
      double start = 0;
      for (int c = 0; c < bar.values().size(); c++) {
        double value = Math.max(0, bar.values().get(c));
        if (value <= 0) {
          continue;
        }
        double x0 = frame.px(start);
        double x1 = frame.px(start + value);
        svg.append("<rect x=\"").append(coordinate(x0)).append("\" y=\"").append(coordinate(top)).append("\" width=\"")
            .append(coordinate(Math.max(0.5, x1 - x0))).append("\" height=\"").append(barHeight).append("\" fill=\"")
            .append(colours.get(c)).append("\"><title>").append(escape(components.get(c) + ": " + tick(value)))
            .append("</title></rect>\n");
        start += value;
      }
      text(svg, frame.px(start) + 6, top + barHeight / 2.0 + 4, "start", tick(start));
    }
    int legendTop = TOP + plotHeight + 46;
    for (int c = 0; c < components.size(); c++) {
      int column = c % LEGEND_COLUMNS;
      int row = c / LEGEND_COLUMNS;
      double lx = left + column * 130;
      double ly = legendTop + row * LEGEND_ROW;
      svg.append("<rect x=\"").append(coordinate(lx)).append("\" y=\"").append(coordinate(ly - 9)).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(colours.get(c)).append("\"/>\n");
      text(svg, lx + 18, ly + 2, "start", components.get(c));
    }
    return close(svg);
  }

  private static StringBuilder open(String id, String title, int height) {
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id)).append("\" class=\"chart\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n");
    svg.append("<title>").append(escape(title)).append("</title>\n");
    svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");
    return svg;
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>\n").toString();
  }

  private static void legendEntry(StringBuilder svg, double y, String colour, boolean dashed, String label) {
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(coordinate(y - 4)).append("\" x2=\"").append(LEFT + 24)
        .append("\" y2=\"").append(coordinate(y - 4)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"");
    if (dashed) {
      svg.append(" stroke-dasharray=\"6 4\"");
    }
    svg.append("/>\n");
    text(svg, LEFT + 30, y, "start", label);
  }

  static void text(StringBuilder svg, double x, double y, String anchor, String content) {
    svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y)).append("\" text-anchor=\"").append(anchor)
        .append("\">").append(escape(content)).append("</text>\n");
  }

  /** A linear axis from min to a "nice" max, with evenly spaced round ticks. */
  record Axis(double min, double max, double step) {

    static Axis of(double min, double max) {
      if (!(max > min) || Double.isInfinite(max)) {
        max = min + 1;
      }
      double step = niceStep((max - min) / TICKS);
      double niceMin = Math.floor(min / step) * step;
      double niceMax = Math.ceil(max / step) * step;
      return new Axis(niceMin, niceMax, step);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      for (double t = min; t <= max + step / 2; t += step) {
        ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
      }
      return ticks;
    }

    private static double niceStep(double rough) {
      double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
      double fraction = rough / magnitude;
      double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
      return nice * magnitude;
    }
  }

  private record Frame(double left, double top, double width, double height, Axis x, Axis y) {

    double px(double value) {
      return left + (value - x.min()) / (x.max() - x.min()) * width;
    }

    double py(double value) {
      return top + height - (value - y.min()) / (y.max() - y.min()) * height;
    }

    void drawAxes(StringBuilder svg, String xLabel, String yLabel) {
      for (double t : y.ticks()) {
        double at = py(t);
        svg.append("<line x1=\"").append(coordinate(left)).append("\" y1=\"").append(coordinate(at)).append("\" x2=\"")
            .append(coordinate(left + width)).append("\" y2=\"").append(coordinate(at)).append("\" stroke=\"#e4e4e4\"/>\n");
        text(svg, left - 6, at + 4, "end", tick(t));
      }
      drawXTicks(svg);
      svg.append("<line x1=\"").append(coordinate(left)).append("\" y1=\"").append(coordinate(top)).append("\" x2=\"")
          .append(coordinate(left)).append("\" y2=\"").append(coordinate(top + height)).append("\" stroke=\"#333\"/>\n");
      text(svg, left + width / 2, top + height + 34, "middle", xLabel);
      double yMid = top + height / 2;
      svg.append("<text x=\"16\" y=\"").append(coordinate(yMid)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
          .append(coordinate(yMid)).append(")\">").append(escape(yLabel)).append("</text>\n");
    }

    void drawValueAxis(StringBuilder svg, String label) {
      for (double t : x.ticks()) {
        double at = px(t);
        svg.append("<line x1=\"").append(coordinate(at)).append("\" y1=\"").append(coordinate(top)).append("\" x2=\"")
            .append(coordinate(at)).append("\" y2=\"").append(coordinate(top + height)).append("\" stroke=\"#e4e4e4\"/>\n");
      }
      drawXTicks(svg);
      text(svg, left + width / 2, top + height + 34, "middle", label);
    }

    private void drawXTicks(StringBuilder svg) {
      double bottom = top + height;
      svg.append("<line x1=\"").append(coordinate(left)).append("\" y1=\"").append(coordinate(bottom)).append("\" x2=\"")
          .append(coordinate(left + width)).append("\" y2=\"").append(coordinate(bottom)).append("\" stroke=\"#333\"/>\n");
      for (double t : x.ticks()) {
        double at = px(t);
        svg.append("<line x1=\"").append(coordinate(at)).append("\" y1=\"").append(coordinate(bottom)).append("\" x2=\"")
            .append(coordinate(at)).append("\" y2=\"").append(coordinate(bottom + 5)).append("\" stroke=\"#333\"/>\n");
        text(svg, at, bottom + 17, "middle", tick(t));
      }
    }
  }
}
