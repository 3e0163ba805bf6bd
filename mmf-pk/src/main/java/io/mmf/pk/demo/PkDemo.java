package io.mmf.pk.demo;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.ExposureSummary;
import io.mmf.pk.exposure.Exposures;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import io.mmf.pk.solve.SteadyState;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The README's quick-start demo: MPA exposure of MMF 1 g twice daily on published models, printed
 * for a reader. Not part of the API (the package is not exported).
 */
public final class PkDemo {
  private PkDemo() {}

  /**
   * Prints the demo to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    ExactSolver exact = new ExactSolver();
    NumericalSolver numerical = new NumericalSolver();
    Regimen regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);
    out.println("mmf: MPA exposure of MMF 1 g twice daily. Decision support, not medical advice.");
    out.println();

    PkModel vanHest = Presets.vanHest2005();
    out.println("Model: van Hest 2005, renal transplant on ciclosporin, reference patient (CLcr 48 mL/min,"
        + " albumin 30 g/L, ciclosporin 450 mg/day); exact solver.");
    ExposureSummary s = Exposures.summarise(exact, vanHest, regimen);
    SteadyState ss = s.steadyState();
    out.println("Steady state over one 12-h interval (each # is 0.25 mg/L):");
    out.println("   h   MPA mg/L  AUC mg*h/L");
    ConcentrationProfile p = ss.profile();
    int perHour = (p.size() - 1) / 12;
    for (int i = 0; i < p.size(); i += perHour) {
      double c = p.concentrationMgPerL(i);
      out.printf(Locale.ROOT, "%4.0f  %8.2f  %9.1f  %s%n", p.timeHours(i), c, p.cumulativeAucMgHPerL(i),
          "#".repeat((int) Math.round(c / 0.25)));
    }
    out.printf(Locale.ROOT, "AUC0-12 after the first dose: %.1f mg*h/L; at steady state: %.1f mg*h/L%n",
        s.firstDoseAucTauMgHPerL(), ss.aucTauMgHPerL());
    out.printf(Locale.ROOT, "Cmax %.2f mg/L at %.2f h; trough C0 %.2f mg/L%n", ss.cmaxMgPerL(), ss.tmaxHours(),
        ss.troughMgPerL());
    out.printf(Locale.ROOT, "Without a condition: %s%n", s.verdict());
    Condition kidney = ConditionCatalog.standard().get("kidney transplant");
    ExposureSummary k = Exposures.summarise(exact, vanHest, regimen, kidney);
    out.printf(Locale.ROOT, "Against the kidney transplant target: %s%n", k.verdict());
    DoseAdvice advice = Exposures.advise(k, List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500),
        RegimenCheck.ceiling(kidney, Patient.ofAgeYears(50), regimen.formulation()), List.of());
    out.println("Advice for a 50-year-old: " + advice);
    SteadyState check = numerical.steadyState(vanHest, regimen.dose(), regimen.formulation(), regimen.interval());
    out.printf(Locale.ROOT, "Checked on the numerical path (Commons Math Dormand-Prince): AUC0-12 %.6f vs %.6f%n",
        check.aucTauMgHPerL(), ss.aucTauMgHPerL());
    out.println();

    PkModel deWinter = Presets.deWinter2008();
    SteadyState mmf = exact.steadyState(deWinter, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY);
    SteadyState ec = exact.steadyState(deWinter, Dose.ofMg(720), Formulation.EC_MPS_TABLET_360,
        DosingInterval.TWICE_DAILY);
    out.println("MMF 1 g vs EC-MPS 720 mg twice daily (de Winter 2008, maintenance renal transplant):");
    out.printf(Locale.ROOT, "  MMF:    AUC0-12 %.1f mg*h/L, Cmax %.2f mg/L at %.2f h%n", mmf.aucTauMgHPerL(),
        mmf.cmaxMgPerL(), mmf.tmaxHours());
    out.printf(Locale.ROOT, "  EC-MPS: AUC0-12 %.1f mg*h/L, Cmax %.2f mg/L at %.2f h (enteric coating: later"
        + " absorption)%n", ec.aucTauMgHPerL(), ec.cmaxMgPerL(), ec.tmaxHours());
    out.println();

    SteadyState sherwin = numerical.steadyState(Presets.sherwin2012(), Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY);
    out.println("Enterohepatic recirculation (Sherwin 2012, childhood-onset SLE; numerical path: 8.2 transit"
        + " compartments):");
    out.printf(Locale.ROOT, "  AUC0-12 %.1f mg*h/L with recirculation, %.1f without (dose / CL); Cmax %.2f mg/L"
        + " at %.2f h%n", sherwin.aucTauMgHPerL(), 1000 * 320.3 / 433.50 / 25.3, sherwin.cmaxMgPerL(),
        sherwin.tmaxHours());
  }
}
