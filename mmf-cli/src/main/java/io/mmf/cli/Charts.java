package io.mmf.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The tool's two charts, drawn with XChart and written as SVG or PNG by file extension. */
final class Charts {
  /** Chart size in pixels. */
  static final int WIDTH = 900;
  /** Chart size in pixels. */
  static final int HEIGHT = 520;

  private Charts() {}

  /** The concentration curve with dose marks and the last interval's AUC shaded. */
  static XYChart curve(String title, double[] t, double[] c, double[] doseTimes, double areaFrom, double areaTo,
      String areaLabel, String verdictLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("time after the first dose (h)").yAxisTitle("MPA (mg/L)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    int from = 0;
    while (from < t.length && t[from] < areaFrom) {
      from++;
    }
    int to = from;
    while (to < t.length && t[to] <= areaTo) {
      to++;
    }
    if (to - from >= 2) {
      XYSeries area = chart.addSeries(areaLabel, java.util.Arrays.copyOfRange(t, from, to),
          java.util.Arrays.copyOfRange(c, from, to));
      area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
      area.setMarker(SeriesMarkers.NONE);
      area.setFillColor(new Color(120, 170, 230, 110));
      area.setLineColor(new Color(120, 170, 230));
    }
    XYSeries curve = chart.addSeries("MPA concentration - " + verdictLabel, t, c);
    curve.setMarker(SeriesMarkers.NONE);
    curve.setLineColor(new Color(20, 60, 140));
    XYSeries doses = chart.addSeries("doses", doseTimes, new double[doseTimes.length]);
    doses.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    doses.setMarker(SeriesMarkers.TRIANGLE_UP);
    doses.setMarkerColor(new Color(200, 60, 40));
    return chart;
  }

  /** AUC0-12 against dose, with the target window's bounds. */
  static XYChart doseRange(String title, double[] doses, double[] aucs, double low, java.util.OptionalDouble high,
      String targetLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("dose per administration (mg)").yAxisTitle("steady-state AUC0-12 (mg*h/L)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    double top = java.util.Arrays.stream(aucs).max().orElse(low);
    targetBand(chart, "target " + targetLabel, doses.length > 1 ? doses : new double[] {doses[0] * 0.9, doses[0] * 1.1},
        low, high, top, 0);
    XYSeries s = chart.addSeries("AUC0-12 at steady state", doses, aucs);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(new Color(20, 60, 140));
    return chart;
  }

  /** Fraction of patients in target against dose (left axis), with the AUC median and 5-95 % band (right axis). */
  static XYChart attainment(String title, double[] doses, double[] percentInTarget, double[] p5, double[] p50,
      double[] p95, String targetLabel, double low, java.util.OptionalDouble high) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("dose per administration (mg)").yAxisTitle("patients in target at steady state (%)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMax(0, 100.0);
    chart.setYAxisGroupTitle(1, "steady-state AUC0-12 (mg*h/L)");
    double top = java.util.Arrays.stream(p95).max().orElse(low);
    targetBand(chart, "target " + targetLabel + " (AUC axis)", doses.length > 1 ? doses
        : new double[] {doses[0] * 0.9, doses[0] * 1.1}, low, high, top, 1);
    XYSeries in = chart.addSeries("in target (%)", doses, percentInTarget);
    in.setMarker(SeriesMarkers.CIRCLE);
    in.setLineColor(new Color(40, 150, 60));
    in.setMarkerColor(new Color(40, 150, 60));
    XYSeries hi = chart.addSeries("AUC0-12 95th percentile", doses, p95);
    XYSeries mid = chart.addSeries("AUC0-12 median", doses, p50);
    XYSeries lo = chart.addSeries("AUC0-12 5th percentile", doses, p5);
    for (XYSeries s : new XYSeries[] {hi, mid, lo}) {
      s.setYAxisGroup(1);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(20, 60, 140));
    }
    hi.setLineStyle(SeriesLines.DASH_DASH);
    lo.setLineStyle(SeriesLines.DASH_DASH);
    return chart;
  }

  /** An individual's fitted curve with the measured levels (filled) and those below the limit (open, at the limit). */
  static XYChart fit(String title, double[] t, double[] c, double[][] band, double[] measuredT, double[] measuredC,
      double[] belowT, double[] belowLimit, String curveLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("time after the last dose (h)").yAxisTitle("MPA (mg/L)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    band(chart, "95 % band of the individual curve (posterior draws)", t, band[0], band[1], BAND, 0);
    XYSeries curve = chart.addSeries(curveLabel, t, c);
    curve.setMarker(SeriesMarkers.NONE);
    curve.setLineColor(new Color(20, 60, 140));
    if (measuredT.length > 0) {
      XYSeries m = chart.addSeries("measured", measuredT, measuredC);
      m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      m.setMarker(SeriesMarkers.CIRCLE);
      m.setMarkerColor(new Color(200, 60, 40));
    }
    if (belowT.length > 0) {
      XYSeries b = chart.addSeries("below the limit of quantification (plotted at the limit)", belowT, belowLimit);
      b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      b.setMarker(SeriesMarkers.TRIANGLE_DOWN);
      b.setMarkerColor(new Color(120, 120, 120));
    }
    return chart;
  }

  /** The colour of a target band. */
  private static final Color TARGET = new Color(40, 150, 60, 60);
  /** The colour of an uncertainty band. */
  private static final Color BAND = new Color(120, 170, 230, 110);

  /**
   * A band between two curves, drawn first so that the other series lie on it: the upper curve filled down to
   * the axis in the band's colour, the lower one filled in the plot's background over it.
   */
  static void band(XYChart chart, String label, double[] x, double[] lower, double[] upper, Color color, int axis) {
    XYSeries top = chart.addSeries(label, x, upper);
    top.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    top.setMarker(SeriesMarkers.NONE);
    top.setFillColor(color);
    top.setLineColor(color);
    top.setYAxisGroup(axis);
    XYSeries bottom = chart.addSeries(label + " ", x, lower);
    bottom.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    bottom.setMarker(SeriesMarkers.NONE);
    Color background = chart.getStyler().getPlotBackgroundColor();
    bottom.setFillColor(background);
    bottom.setLineColor(color);
    bottom.setShowInLegend(false);
    bottom.setYAxisGroup(axis);
  }

  /** A target window as a band over x, open targets up to {@code top}. */
  static void targetBand(XYChart chart, String label, double[] x, double low, java.util.OptionalDouble high,
      double top, int axis) {
    double h = high.isPresent() ? high.getAsDouble() : Math.max(top, low * 1.5);
    double[] xs = {x[0], x[x.length - 1]};
    band(chart, label, xs, new double[] {low, low}, new double[] {h, h}, TARGET, axis);
  }

  /** Throws unless the plot file (if any) ends in .svg or .png: checked before any work is done. */
  static void checkExtension(Path plot) {
    if (plot != null && !plot.toString().toLowerCase(Locale.ROOT).matches(".*\\.(svg|png)")) {
      throw new IllegalArgumentException("Invalid value for --plot (expected a file ending in .svg or .png): "
          + Text.shown(plot.toString()));
    }
  }

  /** Stages a chart as SVG or PNG, chosen by the file's extension, among the run's outputs. */
  static void write(XYChart chart, Path file, Outputs outputs) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      outputs.stage(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
          VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    } else if (name.endsWith(".png")) {
      outputs.stage(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    } else {
      throw new IllegalArgumentException("Invalid value for --plot (expected a file ending in .svg or .png): " + file);
    }
  }
}
