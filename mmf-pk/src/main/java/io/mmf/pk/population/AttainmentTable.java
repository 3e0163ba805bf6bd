package io.mmf.pk.population;

import java.util.List;
import java.util.Locale;

/**
 * The attainment table as text and CSV columns, one row per regimen: the same lines wherever a
 * population run is reported ({@code mmf population}, the Spark job), so their outputs can be compared
 * line for line. Formats only; prints nothing.
 */
public final class AttainmentTable {
  private AttainmentTable() {}

  /** The CSV header, units in the names. */
  public static final List<String> CSV_HEADER = List.of("dose_mg", "first_dose_fraction_in_target",
      "ss_fraction_below", "ss_fraction_in_target", "ss_fraction_above", "ss_auc_mean_mg_h_per_l",
      "ss_auc_p5_mg_h_per_l", "ss_auc_p50_mg_h_per_l", "ss_auc_p95_mg_h_per_l", "ss_c0_p50_mg_per_l",
      "ss_cmax_p50_mg_per_l");

  /**
   * The text table's header line.
   *
   * @return the header
   */
  public static String header() {
    return String.format(Locale.ROOT, "%-9s %-22s %-28s %-26s %-14s %-14s", "dose mg", "first dose: in target",
        "steady state: below/in/above", "AUC0-12 median (5-95 %)", "C0 median", "Cmax median");
  }

  /**
   * One regimen's text row.
   *
   * @param a the attainment
   * @return the row
   */
  public static String row(Attainment a) {
    return String.format(Locale.ROOT, "%-9.0f %-22s %-28s %-26s %-14s %-14s", a.regimen().dose().mg(),
        pct(a.firstDose().within()), pct(a.steadyState().below()) + " / " + pct(a.steadyState().within()) + " / "
            + pct(a.steadyState().above()),
        String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", a.aucSteadyState().p50(), a.aucSteadyState().p5(),
            a.aucSteadyState().p95()),
        String.format(Locale.ROOT, "%.2f mg/L", a.troughSteadyState().p50()),
        String.format(Locale.ROOT, "%.2f mg/L", a.cmaxSteadyState().p50()));
  }

  /**
   * One regimen's CSV values, at full precision, in {@link #CSV_HEADER} order.
   *
   * @param a the attainment
   * @return the values
   */
  public static double[] csvRow(Attainment a) {
    return new double[] {a.regimen().dose().mg(), a.firstDose().within(), a.steadyState().below(),
        a.steadyState().within(), a.steadyState().above(), a.aucSteadyState().mean(), a.aucSteadyState().p5(),
        a.aucSteadyState().p50(), a.aucSteadyState().p95(), a.troughSteadyState().p50(), a.cmaxSteadyState().p50()};
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * f);
  }
}
