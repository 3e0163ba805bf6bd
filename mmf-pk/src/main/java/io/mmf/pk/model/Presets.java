package io.mmf.pk.model;

import io.mmf.core.drug.Drug;
import io.mmf.core.source.Source;
import java.util.Objects;

/**
 * Published population models of mycophenolic acid, at their typical (population) values. Each
 * preset cites its paper, says which dose unit it expects (mmf converts every dose to it) and which
 * solver path serves it. Models fitted on MMF alone (van Hest 2005, Sherwin 2012, Jiao 2008) take
 * only MMF doses: an EC-MPS dose is rejected rather than silently absorbed like MMF; de Winter 2008
 * takes both.
 *
 * <p>Parameter values are as transcribed in the project's literature notes
 * ({@code shared/reference/mpa-literature.md}) from the papers' tables and the nlmixr2lib model
 * files that reproduce them.
 */
public final class Presets {
  private Presets() {}

  /** van Hest 2005: renal transplant recipients on ciclosporin, 2 compartments with lag. */
  public static final Source VAN_HEST_2005 = Source.of("van-hest-2005",
      "van Hest RM, van Gelder T, Vulto AG, Mathot RAA. Population pharmacokinetics of mycophenolic acid in renal"
          + " transplant recipients. Clin Pharmacokinet 2005;44(10):1083-1096");
  /** de Winter 2008: MMF vs EC-MPS in maintenance renal transplant recipients. */
  public static final Source DE_WINTER_2008 = new Source("de-winter-2008",
      "de Winter BCM et al. Population pharmacokinetics of mycophenolic acid: a comparison between enteric-coated"
          + " mycophenolate sodium and mycophenolate mofetil in renal transplant recipients. Clin Pharmacokinet"
          + " 2008;47(12):827-838 (parameters read in the NephroTDM model analysis)",
      Source.Verification.READ_SECONDARY);
  /** Sherwin 2012: childhood-onset SLE, transit absorption, MPAG, gallbladder windows after each dose. */
  public static final Source SHERWIN_2012 = Source.of("sherwin-2012",
      "Sherwin CMT, Sagcal-Gironella ACP, Fukuda T, Brunner HI, Vinks AA. Development of population PK model with"
          + " enterohepatic circulation for mycophenolic acid in patients with childhood-onset systemic lupus"
          + " erythematosus. Br J Clin Pharmacol 2012;73(5):727-740");
  /** Jiao 2008: healthy Chinese volunteers, MPA + MPAG with meal-timed gallbladder release. */
  public static final Source JIAO_2008 = Source.of("jiao-2008",
      "Jiao Z et al. Population pharmacokinetic modelling for enterohepatic circulation of mycophenolic acid in"
          + " healthy Chinese and the influence of polymorphisms in UGT1A9. Br J Clin Pharmacol 2008;65(6):893-907");

  /**
   * The covariates of van Hest 2005, with the model's reference values as defaults.
   *
   * @param creatinineClearanceMlPerMin Cockcroft-Gault creatinine clearance, mL/min, &gt; 0 (reference 48)
   * @param albuminGPerL serum albumin, g/L, &gt; 0 (reference 30)
   * @param cyclosporineMgPerDay ciclosporin dose, mg/day, &gt; 0 (reference 450; every patient of the
   *     study took ciclosporin, so the model has no value for none)
   * @param female true for a woman (clearance x 1.11)
   */
  public record VanHestCovariates(double creatinineClearanceMlPerMin, double albuminGPerL,
      double cyclosporineMgPerDay, boolean female) {
    /** The reference patient: CLcr 48 mL/min, albumin 30 g/L, ciclosporin 450 mg/day, male. */
    public static final VanHestCovariates REFERENCE = new VanHestCovariates(48, 30, 450, false);

    /**
     * Validates the covariates.
     *
     * @param creatinineClearanceMlPerMin mL/min
     * @param albuminGPerL g/L
     * @param cyclosporineMgPerDay mg/day
     * @param female sex
     * @throws IllegalArgumentException if a value is not finite and &gt; 0
     */
    public VanHestCovariates {
      positive(creatinineClearanceMlPerMin, "creatinineClearanceMlPerMin");
      positive(albuminGPerL, "albuminGPerL");
      positive(cyclosporineMgPerDay, "cyclosporineMgPerDay");
    }
  }

  private static void positive(double v, String field) {
    if (!Double.isFinite(v) || v <= 0) {
      throw new IllegalArgumentException("Invalid value for " + field + " (expected finite and > 0): " + v);
    }
  }

  /**
   * van Hest 2005 at the reference covariates: ka 4.1 /h, lag 0.21 h, CL/F 32.5 L/h, V1/F 91 L, Q/F
   * 35 L/h, V2/F 237 L. Dose unit: mg MMF. Exact and numerical paths.
   *
   * @return the model
   */
  public static PkModel vanHest2005() {
    return vanHest2005(VanHestCovariates.REFERENCE);
  }

  /**
   * van Hest 2005 for a patient: CL/F = 32.5 (CLcr/48)^-0.12 (ALB/30)^-1.07 (CsA/450)^0.31 x 1.11 if
   * female; V1/F = 91 (CLcr/48)^-0.62 (ALB/30)^-1.13. Dose unit: mg MMF. Exact and numerical paths.
   *
   * @param c the covariates
   * @return the model
   * @throws NullPointerException if {@code c} is null
   */
  public static PkModel vanHest2005(VanHestCovariates c) {
    Objects.requireNonNull(c, "Invalid value for covariates (expected non-null): null");
    double crcl = c.creatinineClearanceMlPerMin() / 48;
    double alb = c.albuminGPerL() / 30;
    double cl = 32.5 * Math.pow(crcl, -0.12) * Math.pow(alb, -1.07) * Math.pow(c.cyclosporineMgPerDay() / 450, 0.31)
        * (c.female() ? 1.11 : 1);
    double v1 = 91 * Math.pow(crcl, -0.62) * Math.pow(alb, -1.13);
    double q = 35;
    double v2 = 237;
    return PkModel.builder("van Hest 2005")
        .compartments("depot", "central", "peripheral")
        .transfer("depot", "central", 4.1)
        .elimination("central", cl / v1)
        .transfer("central", "peripheral", q / v1)
        .transfer("peripheral", "central", q / v2)
        .observe("MPA", "central", v1)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", 1, 0.21))
        .doseUnit(DoseUnit.MG_MMF)
        .build();
  }

  /**
   * de Winter 2008 with the most frequent EC-MPS morning lag (0.95 h, 51 % of patients).
   *
   * @return the model
   * @see #deWinter2008(double)
   */
  public static PkModel deWinter2008() {
    return deWinter2008(0.95);
  }

  /**
   * de Winter 2008: CL/F 16 L/h, V1/F 40 L, Q/F 22 L/h, V2/F 518 L; MMF absorbs at 4.1 /h after 0.30 h,
   * EC-MPS at 3.0 /h after a longer lag. The paper's EC-MPS morning lag is a mixture (0.95 h in 51 %,
   * 1.88 h in 32 %, 4.83 h in 17 % of patients; 9.04 h in the evening), so it is a parameter here.
   * MMF and EC-MPS doses enter separate depots, so one model takes both. Dose unit: mg MPA. Exact and
   * numerical paths.
   *
   * @param ecMpsLagHours EC-MPS absorption lag, h, &gt;= 0
   * @return the model
   * @throws IllegalArgumentException if the lag is negative or not finite
   */
  public static PkModel deWinter2008(double ecMpsLagHours) {
    double cl = 16;
    double v1 = 40;
    double q = 22;
    double v2 = 518;
    return PkModel.builder("de Winter 2008")
        .compartments("depot", "depotEcMps", "central", "peripheral")
        .transfer("depot", "central", 4.1)
        .transfer("depotEcMps", "central", 3.0)
        .elimination("central", cl / v1)
        .transfer("central", "peripheral", q / v1)
        .transfer("peripheral", "central", q / v2)
        .observe("MPA", "central", v1)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", 1, 0.30))
        .dose(Drug.MYCOPHENOLATE_SODIUM, DoseInput.bolus("depotEcMps", 1, ecMpsLagHours))
        .doseUnit(DoseUnit.MG_MPA)
        .build();
  }

  /**
   * Sherwin 2012 (childhood-onset SLE): a Savic transit chain (n = 8.2, mean transit time 1.1 h, so
   * ktr = 9.2 / 1.1 per h) into the gut, absorbed at 1.5 /h; MPA in two compartments (CL/F 25.3 L/h,
   * V/F 20.9 L, Q/F 19.8 L/h, V2/F 234 L); 85 % of MPA clearance forms MPAG (V = 20.9 L, renal
   * CL/F 2.5 L/h), 65 % of MPAG elimination goes to the gallbladder, which empties at 5 /h (an
   * assumption of the nlmixr2lib re-implementation: the paper gives no rate) from 1 to 2 h and 4 to 6
   * h after each dose; 35 % of what it empties returns to the gut as MPA. Observed: MPA, then MPAG.
   * Dose unit: mg MPA.
   *
   * <p>Numerical path only: 8.2 transit compartments is not a whole number, so the input is a
   * gamma-shaped forcing term, not a linear system.
   *
   * @return the model
   */
  public static PkModel sherwin2012() {
    double nn = 8.2;
    double mtt = 1.1;
    return sherwin(new PkModel.SavicTransit(nn, (nn + 1) / mtt));
  }

  private static PkModel sherwin(PkModel.SavicTransit transit) {
    double cl = 25.3;
    double vc = 20.9;
    double q = 19.8;
    double vp = 234;
    double clMpag = 2.5;
    double fm = 0.85;
    double fBiliary = 0.65;
    double fReabsorbed = 0.35;
    double kEmpty = 5;
    double kel = cl / vc;
    double kelMpag = clMpag / (vc * (1 - fBiliary));
    return PkModel.builder("Sherwin 2012")
        .compartments("gut", "central", "peripheral", "mpag", "gallbladder")
        .transfer("gut", "central", 1.5)
        .transfer("central", "mpag", fm * kel)
        .elimination("central", (1 - fm) * kel)
        .transfer("central", "peripheral", q / vc)
        .transfer("peripheral", "central", q / vp)
        .transfer("mpag", "gallbladder", fBiliary * kelMpag)
        .elimination("mpag", (1 - fBiliary) * kelMpag)
        .windowedTransfer("gallbladder", "gut", fReabsorbed * kEmpty)
        .windowedElimination("gallbladder", (1 - fReabsorbed) * kEmpty)
        .emptyingWindows(EmptyingWindows.afterEachDose(new Window(1, 1), new Window(4, 2)))
        .observe("MPA", "central", vc)
        .observe("MPAG", "mpag", vc)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("gut", 1, 0))
        .savicTransit(transit)
        .doseUnit(DoseUnit.MG_MPA)
        .build();
  }

  /**
   * Jiao 2008 (healthy Chinese men, single 500 mg MMF): ka 3.53 /h after 0.0956 h; MPA in two
   * compartments (CL/F 10.2 L/h, V/F 12.5 L, Q/F 16.1 L/h, V2/F 213 L; CL, Q and V2 scale with weight
   * / 65.5 kg); all MPA clearance forms MPAG (V 4.40 L, renal CL/F 1.38 L/h); 29.1 % of MPAG
   * elimination goes to the gallbladder, which empties into the gut at 67.5 /h for 0.01 h at 4 and
   * 10 h after the dose (the study's meal times). Observed: MPA, then MPAG. Dose unit: mg MMF. Exact
   * and numerical paths.
   *
   * @param weightKg body weight, kg, &gt; 0 (study median 65.5)
   * @return the model
   * @throws IllegalArgumentException if the weight is not finite and &gt; 0
   */
  public static PkModel jiao2008(double weightKg) {
    positive(weightKg, "weightKg");
    double w = weightKg / 65.5;
    double cl = 10.2 * w;
    double vc = 12.5;
    double q = 16.1 * w;
    double vp = 213 * w;
    double k40 = 1.38 / 4.40;
    double ehcp = 0.291;
    double k45 = k40 * ehcp / (1 - ehcp);
    return PkModel.builder("Jiao 2008")
        .compartments("depot", "central", "peripheral", "mpag", "gallbladder")
        .transfer("depot", "central", 3.53)
        .transfer("central", "mpag", cl / vc)
        .transfer("central", "peripheral", q / vc)
        .transfer("peripheral", "central", q / vp)
        .elimination("mpag", k40)
        .transfer("mpag", "gallbladder", k45)
        .windowedTransfer("gallbladder", "depot", 67.5)
        .emptyingWindows(EmptyingWindows.afterEachDose(new Window(4, 0.01), new Window(10, 0.01)))
        .observe("MPA", "central", vc)
        .observe("MPAG", "mpag", 4.40)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", 1, 0.0956))
        .doseUnit(DoseUnit.MG_MMF)
        .build();
  }
}
