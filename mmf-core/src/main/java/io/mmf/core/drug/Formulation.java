package io.mmf.core.drug;

import io.mmf.core.UnknownNameException;
import io.mmf.core.internal.Format;
import io.mmf.core.internal.Names;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.List;

/**
 * The marketed mycophenolate formulations.
 *
 * <p>Solid forms are given in whole units ({@link #isCountable()}); the oral suspension and the
 * intravenous solution are measured by volume. Strengths: CellCept label (MMF) and Myfortic label
 * (EC-MPS); see {@link #source()}.
 */
public enum Formulation {
  /** CellCept capsule, 250 mg MMF. */
  MMF_CAPSULE_250(Drug.MYCOPHENOLATE_MOFETIL, Route.ORAL, "capsule", 250, true, false, Sources.LABEL,
      "mmf-capsule-250", "capsule 250", "cellcept capsule"),
  /** CellCept tablet, 500 mg MMF. */
  MMF_TABLET_500(Drug.MYCOPHENOLATE_MOFETIL, Route.ORAL, "tablet", 500, true, false, Sources.LABEL,
      "mmf-tablet-500", "tablet 500", "cellcept tablet"),
  /** CellCept oral suspension, 200 mg MMF per mL after constitution. */
  MMF_ORAL_SUSPENSION(Drug.MYCOPHENOLATE_MOFETIL, Route.ORAL, "mL oral suspension", 200, false, false,
      Sources.LABEL, "mmf-suspension", "suspension", "oral suspension"),
  /** CellCept intravenous, 500 mg MMF (as hydrochloride) per vial; infused over at least 2 hours. */
  MMF_INTRAVENOUS(Drug.MYCOPHENOLATE_MOFETIL, Route.INTRAVENOUS, "vial", 500, false, false, Sources.LABEL,
      "mmf-iv", "iv", "intravenous"),
  /** Myfortic delayed-release tablet, 180 mg MPA (as mycophenolate sodium). */
  EC_MPS_TABLET_180(Drug.MYCOPHENOLATE_SODIUM, Route.ORAL, "delayed-release tablet", 180, true, true,
      Sources.MYFORTIC_LABEL, "ec-mps-180", "myfortic 180"),
  /** Myfortic delayed-release tablet, 360 mg MPA (as mycophenolate sodium). */
  EC_MPS_TABLET_360(Drug.MYCOPHENOLATE_SODIUM, Route.ORAL, "delayed-release tablet", 360, true, true,
      Sources.MYFORTIC_LABEL, "ec-mps-360", "myfortic 360");

  /** How a formulation is given. */
  public enum Route {
    /** By mouth. */
    ORAL,
    /** Intravenous infusion. */
    INTRAVENOUS
  }

  private static final Names<Formulation> NAMES = new Names<>("formulation", Formulation::id);

  static {
    for (Formulation f : values()) {
      NAMES.add(f.name(), f);
      for (String alias : f.aliases) {
        NAMES.add(alias, f);
      }
    }
  }

  private final Drug drug;
  private final Route route;
  private final String unit;
  private final double strengthMg;
  private final boolean countable;
  private final boolean delayedRelease;
  private final Source source;
  private final List<String> aliases;

  Formulation(Drug drug, Route route, String unit, double strengthMg, boolean countable,
      boolean delayedRelease, Source source, String... aliases) {
    this.drug = drug;
    this.route = route;
    this.unit = unit;
    this.strengthMg = strengthMg;
    this.countable = countable;
    this.delayedRelease = delayedRelease;
    this.source = source;
    this.aliases = List.of(aliases);
  }

  /**
   * Finds a formulation by enum name or alias, ignoring case and punctuation
   * ({@code "mmf-tablet-500"}, {@code "EC_MPS_TABLET_360"}, {@code "suspension"}).
   *
   * @param name the name
   * @return the formulation
   * @throws NullPointerException if {@code name} is null
   * @throws UnknownNameException if nothing matches; its message lists close matches
   */
  public static Formulation byName(String name) {
    return NAMES.get(name);
  }

  /**
   * Returns the product's substance: MMF or mycophenolate sodium.
   *
   * @return the product's substance: MMF or mycophenolate sodium
   */
  public Drug drug() {
    return drug;
  }

  /**
   * Returns how it is given.
   *
   * @return how it is given
   */
  public Route route() {
    return route;
  }

  /**
   * Returns the strength in mg of labelled substance per unit: per capsule, tablet or vial, or per
   * mL for the oral suspension.
   *
   * @return the strength in mg of labelled substance per unit
   */
  public double strengthMg() {
    return strengthMg;
  }

  /**
   * Returns the unit a strength refers to, e.g. {@code "capsule"} or {@code "mL oral suspension"}.
   *
   * @return the unit a strength refers to
   */
  public String unit() {
    return unit;
  }

  /**
   * Returns true for forms given in whole units (capsules, tablets), false for measured volumes.
   *
   * @return true for forms given in whole units (capsules, tablets), false for measured volumes
   */
  public boolean isCountable() {
    return countable;
  }

  /**
   * Returns true for enteric-coated delayed-release forms (EC-MPS), which absorb later than MMF.
   *
   * @return true for enteric-coated delayed-release forms (EC-MPS), which absorb later than MMF
   */
  public boolean isDelayedRelease() {
    return delayedRelease;
  }

  /**
   * Returns the stable lower-case id, e.g. {@code mmf-tablet-500}.
   *
   * @return the stable lower-case id
   */
  public String id() {
    return aliases.get(0);
  }

  /**
   * Returns the source of the strength.
   *
   * @return the source of the strength
   */
  public Source source() {
    return source;
  }

  /**
   * The volume of a liquid form that holds a dose.
   *
   * @param dose the dose
   * @return volume in mL ({@code dose / strength})
   * @throws NullPointerException if {@code dose} is null
   * @throws IllegalStateException if this form is not the oral suspension
   */
  public double volumeMl(Dose dose) {
    io.mmf.core.internal.Checks.notNull(dose, "dose");
    if (this != MMF_ORAL_SUSPENSION) {
      throw new IllegalStateException(this + " is not measured in mL");
    }
    return dose.mg() / strengthMg;
  }

  /**
   * A readable label.
   *
   * @return e.g. {@code MMF 500 mg tablet} or {@code MMF 200 mg per mL oral suspension}
   */
  public String label() {
    return drug.abbreviation() + " " + Format.num(strengthMg) + " mg" + (countable ? " " + unit : " per " + unit);
  }
}
