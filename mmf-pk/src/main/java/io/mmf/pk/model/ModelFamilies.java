package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import java.util.Objects;

/**
 * Readable constructors for the model families of mmf's reference equations (pk-models.md), each a
 * {@link PkModel} network. Parameters are apparent (CL/F, V/F) unless a bioavailability is given;
 * clearances in L/h, volumes in L, rates in 1/h, times in h. Compartments are named {@code depot},
 * {@code central}, {@code peripheral}, {@code transit1..n}, {@code gallbladder}; the observed
 * analyte is {@code MPA} in {@code central}.
 */
public final class ModelFamilies {
  private ModelFamilies() {}

  /**
   * Disposition shared by the families: central and peripheral compartments, clearance from central.
   *
   * @param clLPerH clearance, L/h, &gt; 0
   * @param v1L central volume, L, &gt; 0
   * @param qLPerH inter-compartmental clearance, L/h, &gt;= 0 (0 gives one compartment)
   * @param v2L peripheral volume, L, &gt; 0
   */
  public record Disposition(double clLPerH, double v1L, double qLPerH, double v2L) {
    /**
     * Validates the disposition.
     *
     * @param clLPerH L/h
     * @param v1L L
     * @param qLPerH L/h
     * @param v2L L
     * @throws IllegalArgumentException if a value is out of range or not finite
     */
    public Disposition {
      positive(clLPerH, "clLPerH");
      positive(v1L, "v1L");
      Checks.nonNegative(qLPerH, "qLPerH");
      positive(v2L, "v2L");
    }
  }

  private static void positive(double v, String field) {
    if (!Double.isFinite(v) || v <= 0) {
      throw new IllegalArgumentException(Checks.invalid(field, "finite and > 0", v));
    }
  }

  private static PkModel.Builder disposition(PkModel.Builder b, Disposition d, double eliminatedFraction) {
    b.elimination("central", eliminatedFraction * d.clLPerH() / d.v1L());
    if (d.qLPerH() > 0) {
      b.transfer("central", "peripheral", d.qLPerH() / d.v1L())
          .transfer("peripheral", "central", d.qLPerH() / d.v2L());
    }
    return b.observe("MPA", "central", d.v1L());
  }

  private static PkModel.Builder start(String name, Disposition d, String... absorption) {
    PkModel.Builder b = PkModel.builder(name).compartments(absorption).compartments("central");
    if (d.qLPerH() > 0) {
      b.compartments("peripheral");
    }
    return b;
  }

  /**
   * M1: two compartments with first-order absorption after a lag.
   *
   * @param name readable name
   * @param kaPerHour absorption rate, 1/h, &gt; 0
   * @param lagHours absorption lag, h, &gt;= 0
   * @param d disposition
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel firstOrder(String name, double kaPerHour, double lagHours, Disposition d, DoseUnit unit) {
    return firstOrder(name, kaPerHour, lagHours, d, unit, Drug.values());
  }

  /**
   * M1 taking only some drugs: for a model fitted on MMF alone, an EC-MPS dose is then rejected.
   *
   * @param name readable name
   * @param kaPerHour absorption rate, 1/h, &gt; 0
   * @param lagHours absorption lag, h, &gt;= 0
   * @param d disposition
   * @param unit the unit doses are in
   * @param drugs the drugs the model takes
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel firstOrder(String name, double kaPerHour, double lagHours, Disposition d, DoseUnit unit,
      Drug... drugs) {
    positive(kaPerHour, "kaPerHour");
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"), "depot").transfer("depot", "central",
        kaPerHour);
    disposition(b, d, 1).doseUnit(unit);
    for (Drug drug : drugs) {
      b.dose(drug, DoseInput.bolus("depot", 1, lagHours));
    }
    return b.build();
  }

  /**
   * M1z: zero-order absorption into central over {@code durationHours} after a lag.
   *
   * @param name readable name
   * @param durationHours input duration D1, h, &gt; 0
   * @param lagHours lag, h, &gt;= 0
   * @param d disposition
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel zeroOrder(String name, double durationHours, double lagHours, Disposition d, DoseUnit unit) {
    positive(durationHours, "durationHours");
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"));
    return disposition(b, d, 1).doseAny(new DoseInput("central", 1, lagHours, durationHours)).doseUnit(unit).build();
  }

  /**
   * M2: a chain of {@code n} transit compartments (rate ktr each) into a depot absorbed at ka. Mean
   * transit time (n + 1) / ktr.
   *
   * @param name readable name
   * @param n number of transit compartments, 1 to 50
   * @param ktrPerHour transit rate, 1/h, &gt; 0
   * @param kaPerHour absorption rate, 1/h, &gt; 0
   * @param d disposition
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel transit(String name, int n, double ktrPerHour, double kaPerHour, Disposition d,
      DoseUnit unit) {
    if (n < 1 || n > 50) {
      throw new IllegalArgumentException(Checks.invalid("n", "1 to 50 transit compartments", n));
    }
    positive(ktrPerHour, "ktrPerHour");
    positive(kaPerHour, "kaPerHour");
    String[] chain = new String[n + 1];
    for (int i = 0; i < n; i++) {
      chain[i] = "transit" + (i + 1);
    }
    chain[n] = "depot";
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"), chain);
    for (int i = 0; i < n; i++) {
      b.transfer(chain[i], chain[i + 1], ktrPerHour);
    }
    b.transfer("depot", "central", kaPerHour);
    return disposition(b, d, 1).doseAny(DoseInput.bolus("transit1", 1, 0)).doseUnit(unit).build();
  }

  /**
   * M2s: a Savic transit chain with a possibly non-integer number of compartments into a depot absorbed
   * at ka (Savic et al. 2007): every dose reaches the depot at rate D ktr (ktr t)^n e^(-ktr t) / Gamma(n + 1),
   * t after its lag; mean transit time (n + 1) / ktr. The chain is an input law, not compartments, so a
   * dose is a bolus (a RATE or DUR record is refused by the solvers).
   *
   * @param name readable name
   * @param transit the chain (n, ktr)
   * @param kaPerHour absorption rate out of the depot, 1/h, &gt; 0
   * @param lagHours lag before the chain, h, &gt;= 0
   * @param d disposition
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if {@code transit}, {@code d} or {@code unit} is null
   */
  public static PkModel savicTransit(String name, PkModel.SavicTransit transit, double kaPerHour, double lagHours,
      Disposition d, DoseUnit unit) {
    Checks.notNull(transit, "transit");
    positive(kaPerHour, "kaPerHour");
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"), "depot").transfer("depot", "central",
        kaPerHour);
    return disposition(b, d, 1).doseAny(DoseInput.bolus("depot", 1, lagHours)).savicTransit(transit).doseUnit(unit)
        .build();
  }

  /**
   * M1g: absorption straight into central by one or more gamma laws after a lag (the Limoges gamma and
   * double-gamma absorption): law i delivers its fraction of every dose at rate f_i D k_i^a_i
   * t^(a_i - 1) e^(-k_i t) / Gamma(a_i). The fractions add up to 1 (the parameters are apparent, as in
   * the other families). Doses are boluses (a RATE or DUR record is refused by the solvers).
   *
   * @param name readable name
   * @param laws the laws, one or more
   * @param lagHours lag, h, &gt;= 0
   * @param d disposition
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range, no law is given or the fractions do not
   *     add up to 1
   * @throws NullPointerException if an argument is null
   */
  public static PkModel gammaAbsorption(String name, java.util.List<PkModel.GammaLaw> laws, double lagHours,
      Disposition d, DoseUnit unit) {
    Checks.notNull(laws, "laws");
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"));
    return disposition(b, d, 1).doseAny(DoseInput.bolus("central", 1, lagHours))
        .gammaInput(laws.toArray(new PkModel.GammaLaw[0])).doseUnit(unit).build();
  }

  /**
   * M3: M1 with enterohepatic recirculation through a gallbladder. A fraction {@code fEhc} of
   * clearance goes to the gallbladder instead of leaving the body; the gallbladder empties into the
   * depot at {@code kGbPerHour} inside the windows.
   *
   * @param name readable name
   * @param kaPerHour absorption rate, 1/h, &gt; 0
   * @param lagHours lag, h, &gt;= 0
   * @param d disposition
   * @param fEhc recirculated fraction of clearance, in [0, 1)
   * @param kGbPerHour gallbladder emptying rate while open, 1/h, &gt; 0
   * @param windows when the gallbladder empties
   * @param unit the unit doses are in
   * @return the model
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PkModel enterohepatic(String name, double kaPerHour, double lagHours, Disposition d, double fEhc,
      double kGbPerHour, EmptyingWindows windows, DoseUnit unit) {
    positive(kaPerHour, "kaPerHour");
    positive(kGbPerHour, "kGbPerHour");
    if (!(fEhc >= 0 && fEhc < 1)) {
      throw new IllegalArgumentException(Checks.invalid("fEhc", "in [0, 1)", fEhc));
    }
    PkModel.Builder b = start(name, Objects.requireNonNull(d, "disposition"), "depot", "gallbladder")
        .transfer("depot", "central", kaPerHour)
        .transfer("central", "gallbladder", fEhc * d.clLPerH() / d.v1L())
        .windowedTransfer("gallbladder", "depot", kGbPerHour)
        .emptyingWindows(Checks.notNull(windows, "windows"));
    return disposition(b, d, 1 - fEhc).doseAny(DoseInput.bolus("depot", 1, lagHours)).doseUnit(unit).build();
  }
}
