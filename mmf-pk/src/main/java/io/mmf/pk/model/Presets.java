package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import io.mmf.core.source.Source;

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

  /**
   * van Hest 2005: renal transplant recipients on ciclosporin, 2 compartments with lag. Parameters read in
   * nlmixr2lib's transcription of Maizaud et al. 2025 (S1), whose authors note the primary paper was not
   * available to them; the paper itself was not read.
   */
  public static final Source VAN_HEST_2005 = new Source("van-hest-2005",
      "van Hest RM, van Gelder T, Vulto AG, Mathot RAA. Population pharmacokinetics of mycophenolic acid in renal"
          + " transplant recipients. Clin Pharmacokinet 2005;44(10):1083-1096 (parameters read in the nlmixr2lib"
          + " transcription of Maizaud F et al. PLoS One 2025, S1)",
      Source.Verification.READ_SECONDARY);
  /** de Winter 2008: MMF vs EC-MPS in maintenance renal transplant recipients. */
  public static final Source DE_WINTER_2008 = new Source("de-winter-2008",
      "de Winter BCM et al. Population pharmacokinetics of mycophenolic acid: a comparison between enteric-coated"
          + " mycophenolate sodium and mycophenolate mofetil in renal transplant recipients. Clin Pharmacokinet"
          + " 2008;47(12):827-838 (parameters read in the NephroTDM model analysis)",
      Source.Verification.READ_SECONDARY);
  /**
   * Sherwin 2012: childhood-onset SLE, transit absorption, MPAG, gallbladder windows after each dose.
   * Parameters read in the nlmixr2lib model file (Table 3 per line); the paper was not read.
   */
  public static final Source SHERWIN_2012 = new Source("sherwin-2012",
      "Sherwin CMT, Sagcal-Gironella ACP, Fukuda T, Brunner HI, Vinks AA. Development of population PK model with"
          + " enterohepatic circulation for mycophenolic acid in patients with childhood-onset systemic lupus"
          + " erythematosus. Br J Clin Pharmacol 2012;73(5):727-740 (parameters read in nlmixr2lib)",
      Source.Verification.READ_SECONDARY);
  /**
   * Jiao 2008: healthy Chinese men after a single 500 mg dose, MPA + MPAG with meal-timed gallbladder
   * release. Parameters read in the nlmixr2lib model file, which calls the encoding "best suited to
   * single-dose simulation"; the paper was not read. Not a model of patients: population simulation and
   * MAP estimation refuse it unless asked explicitly.
   */
  public static final Source JIAO_2008 = new Source("jiao-2008",
      "Jiao Z et al. Population pharmacokinetic modelling for enterohepatic circulation of mycophenolic acid in"
          + " healthy Chinese and the influence of polymorphisms in UGT1A9. Br J Clin Pharmacol 2008;65(6):893-907"
          + " (parameters read in nlmixr2lib)",
      Source.Verification.READ_SECONDARY);

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

    /**
     * Typical CL/F for these covariates: 32.5 (CLcr/48)^-0.12 (ALB/30)^-1.07 (CsA/450)^0.31, x 1.11 if female.
     *
     * @return clearance, L/h
     */
    public double clearanceLPerH() {
      return 32.5 * Math.pow(creatinineClearanceMlPerMin / 48, -0.12) * Math.pow(albuminGPerL / 30, -1.07)
          * Math.pow(cyclosporineMgPerDay / 450, 0.31) * (female ? 1.11 : 1);
    }

    /**
     * Typical V1/F for these covariates: 91 (CLcr/48)^-0.62 (ALB/30)^-1.13.
     *
     * @return central volume, L
     */
    public double centralVolumeL() {
      return 91 * Math.pow(creatinineClearanceMlPerMin / 48, -0.62) * Math.pow(albuminGPerL / 30, -1.13);
    }
  }

  private static void positive(double v, String field) {
    if (!Double.isFinite(v) || v <= 0) {
      throw new IllegalArgumentException(Checks.invalid(field, "finite and > 0", v));
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
    Checks.notNull(c, "covariates");
    return vanHest2005(VAN_HEST_KA, c.clearanceLPerH(), c.centralVolumeL(), VAN_HEST_V2);
  }

  /** van Hest 2005 typical values without covariates: ka (1/h), lag (h), Q/F (L/h), V2/F (L). */
  static final double VAN_HEST_KA = 4.1;
  static final double VAN_HEST_LAG = 0.21;
  static final double VAN_HEST_Q = 35;
  static final double VAN_HEST_V2 = 237;

  /**
   * van Hest 2005 with individual parameters (lag 0.21 h and Q/F 35 L/h as published; the paper gives
   * them no inter-individual variability).
   *
   * @param kaPerHour absorption rate, 1/h
   * @param clLPerH CL/F, L/h
   * @param v1L V1/F, L
   * @param v2L V2/F, L
   * @return the model (MMF doses only)
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel vanHest2005(double kaPerHour, double clLPerH, double v1L, double v2L) {
    return ModelFamilies.firstOrder("van Hest 2005", kaPerHour, VAN_HEST_LAG,
        new ModelFamilies.Disposition(clLPerH, v1L, VAN_HEST_Q, v2L), DoseUnit.MG_MMF, Drug.MYCOPHENOLATE_MOFETIL);
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
   * The share of a labelled EC-MPS dose (mg MPA) that de Winter 2008's model takes: its doses were the
   * MPA content of the sodium salt's mass, 320.3 / 342.3 = 0.936 (720 mg -&gt; 674 mg). A convention of
   * that paper, not chemistry: see {@link #deWinter2008(double)}.
   */
  public static final double DE_WINTER_2008_EC_MPS_DOSE_FACTOR = 320.3 / 342.3;

  /**
   * de Winter 2008: CL/F 16 L/h, V1/F 40 L, Q/F 22 L/h, V2/F 518 L; MMF absorbs at 4.1 /h after 0.30 h,
   * EC-MPS at 3.0 /h after a longer lag. The paper's EC-MPS morning lag is a mixture (0.95 h in 51 %,
   * 1.88 h in 32 %, 4.83 h in 17 % of patients; 9.04 h in the evening), so it is a parameter here.
   * MMF and EC-MPS doses enter separate depots, so one model takes both. Dose unit: mg MPA. Exact and
   * numerical paths.
   *
   * <p>Dose convention of the paper, kept inside this preset: de Winter 2008 entered an EC-MPS dose as
   * the MPA content of that mass of mycophenolate sodium (720 mg -&gt; 674 mg MPA, Table II medians as
   * read by NephroTDM), whereas the Myfortic label counts its 180 and 360 mg strengths as mg of MPA.
   * The EC-MPS input therefore takes {@link #DE_WINTER_2008_EC_MPS_DOSE_FACTOR} of the labelled MPA,
   * so that the typical AUC stays the paper model's (720 mg twice daily: 674 / 16 = 42.1 mg*h/L).
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
        .dose(Drug.MYCOPHENOLATE_SODIUM, DoseInput.bolus("depotEcMps", DE_WINTER_2008_EC_MPS_DOSE_FACTOR,
            ecMpsLagHours))
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
   * <p>8.2 transit compartments is not a whole number, so the input is a gamma-shaped forcing term
   * (shape 9.2), not a state of the linear system: the exact path convolves it with the modes in
   * closed form (incomplete gamma functions; inside the emptying windows, by Gauss quadrature with a
   * documented error bound), the numerical path integrates the input rate directly.
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
    return jiao2008(Jiao2008Parameters.typical(weightKg));
  }

  /**
   * Jiao 2008's parameters.
   *
   * @param kaPerHour absorption rate, 1/h (typical 3.53)
   * @param lagHours absorption lag, h (0.0956)
   * @param clLPerH MPA CL/F, all of it forming MPAG, L/h (10.2 at 65.5 kg)
   * @param vcL MPA central V/F, L (12.5)
   * @param qLPerH inter-compartmental clearance Q/F, L/h (16.1 at 65.5 kg)
   * @param vpL MPA peripheral V/F, L (213 at 65.5 kg)
   * @param clMpagLPerH MPAG renal CL/F, L/h (1.38)
   * @param vMpagL MPAG V/F, L (4.40)
   * @param ehcp fraction of MPAG elimination to the gallbladder, in (0, 1) (0.291)
   */
  public record Jiao2008Parameters(double kaPerHour, double lagHours, double clLPerH, double vcL, double qLPerH,
      double vpL, double clMpagLPerH, double vMpagL, double ehcp) {

    /**
     * Validates the parameters.
     *
     * @param kaPerHour 1/h
     * @param lagHours h
     * @param clLPerH L/h
     * @param vcL L
     * @param qLPerH L/h
     * @param vpL L
     * @param clMpagLPerH L/h
     * @param vMpagL L
     * @param ehcp fraction
     * @throws IllegalArgumentException if a value is out of range
     */
    public Jiao2008Parameters {
      positive(kaPerHour, "kaPerHour");
      Checks.nonNegative(lagHours, "lagHours");
      positive(clLPerH, "clLPerH");
      positive(vcL, "vcL");
      positive(qLPerH, "qLPerH");
      positive(vpL, "vpL");
      positive(clMpagLPerH, "clMpagLPerH");
      positive(vMpagL, "vMpagL");
      if (!(ehcp > 0 && ehcp < 1)) {
        throw new IllegalArgumentException(Checks.invalid("ehcp", "in (0, 1)", ehcp));
      }
    }

    /**
     * The typical values at a body weight (CL, Q and peripheral V scale with weight / 65.5 kg).
     *
     * @param weightKg kg, &gt; 0
     * @return the parameters
     * @throws IllegalArgumentException if the weight is not finite and &gt; 0
     */
    public static Jiao2008Parameters typical(double weightKg) {
      positive(weightKg, "weightKg");
      double w = weightKg / 65.5;
      return new Jiao2008Parameters(3.53, 0.0956, 10.2 * w, 12.5, 16.1 * w, 213 * w, 1.38, 4.40, 0.291);
    }
  }

  /**
   * Jiao 2008 with given parameters (see {@link #jiao2008(double)} for the structure).
   *
   * @param p the parameters
   * @return the model (MMF doses only)
   * @throws NullPointerException if {@code p} is null
   */
  public static PkModel jiao2008(Jiao2008Parameters p) {
    Checks.notNull(p, "parameters");
    double k40 = p.clMpagLPerH() / p.vMpagL();
    double k45 = k40 * p.ehcp() / (1 - p.ehcp());
    return PkModel.builder("Jiao 2008")
        .compartments("depot", "central", "peripheral", "mpag", "gallbladder")
        .transfer("depot", "central", p.kaPerHour())
        .transfer("central", "mpag", p.clLPerH() / p.vcL())
        .transfer("central", "peripheral", p.qLPerH() / p.vcL())
        .transfer("peripheral", "central", p.qLPerH() / p.vpL())
        .elimination("mpag", k40)
        .transfer("mpag", "gallbladder", k45)
        .windowedTransfer("gallbladder", "depot", 67.5)
        .emptyingWindows(EmptyingWindows.afterEachDose(new Window(4, 0.01), new Window(10, 0.01)))
        .observe("MPA", "central", p.vcL())
        .observe("MPAG", "mpag", p.vMpagL())
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("depot", 1, p.lagHours()))
        .doseUnit(DoseUnit.MG_MMF)
        .build();
  }
}
