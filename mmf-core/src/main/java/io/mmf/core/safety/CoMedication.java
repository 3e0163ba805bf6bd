package io.mmf.core.safety;

import io.mmf.core.UnknownNameException;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Names;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.List;

/**
 * A co-medication that interacts with mycophenolate, with the interaction finding and its source.
 * Effects are on MPA exposure unless stated. Look-up by generic or brand name with {@link #byName}.
 */
public enum CoMedication {
  /** Ciclosporin: blocks enterohepatic recirculation of MPA, lowering exposure (tacrolimus does not). */
  CYCLOSPORINE(Severity.CAUTION, Action.MONITOR,
      "ciclosporin lowers MPA exposure by blocking enterohepatic recirculation; dose by MPA levels, and expect"
          + " MPA to rise when ciclosporin is stopped or switched to tacrolimus", Sources.KOBAYASHI_2004,
      "ciclosporin", "cyclosporin", "cyclosporine a", "CsA", "Neoral", "Sandimmune"),
  /** Tacrolimus: no effect on recirculation; MPA exposure higher than with ciclosporin at the same dose. */
  TACROLIMUS(Severity.INFO, Action.CONTINUE,
      "tacrolimus does not block enterohepatic recirculation: MPA exposure is higher than with ciclosporin at"
          + " the same MMF dose (consensus start: 1 g twice daily with tacrolimus, 1.5 g with ciclosporin)",
      Sources.KUYPERS_2010, "FK506", "Prograf", "Advagraf"),
  /** Cholestyramine and other bile-acid sequestrants: MPA AUC about 40 % lower. */
  BILE_ACID_SEQUESTRANT(Severity.WARNING, Action.AVOID_COMBINATION,
      "bile-acid sequestrants interrupt enterohepatic recirculation: MPA AUC about 40 % lower with cholestyramine;"
          + " not recommended", Sources.LABEL,
      "cholestyramine", "colestyramine", "colestipol", "colesevelam"),
  /** Magnesium or aluminium hydroxide antacids: lower absorption. */
  ANTACID_MG_AL(Severity.CAUTION, Action.SEPARATE_DOSES,
      "magnesium or aluminium hydroxide antacids lower MPA absorption (AUC about 17 % lower, Cmax about 33 %"
          + " lower); do not give at the same time", Sources.LABEL,
      "antacid", "magnesium hydroxide", "aluminium hydroxide", "aluminum hydroxide", "Maalox"),
  /** Proton-pump inhibitors: lower MPA exposure from MMF (not from EC-MPS). */
  PROTON_PUMP_INHIBITOR(Severity.CAUTION, Action.MONITOR,
      "proton-pump inhibitors lower MPA exposure from MMF (AUC 25-35 % lower); EC-MPS is not affected",
      Sources.LABEL, "PPI", "omeprazole", "esomeprazole", "pantoprazole", "lansoprazole", "rabeprazole"),
  /** Rifampin: lowers MPA exposure. */
  RIFAMPIN(Severity.WARNING, Action.MONITOR,
      "rifampin lowers MPA exposure markedly; avoid unless the benefit outweighs the risk, and monitor MPA",
      Sources.LABEL_RECALLED, "rifampicin"),
  /** Sevelamer: lowers MPA exposure. */
  SEVELAMER(Severity.CAUTION, Action.SEPARATE_DOSES,
      "sevelamer lowers MPA exposure; give MMF at least 2 hours before sevelamer", Sources.LABEL_RECALLED,
      "Renvela", "Renagel"),
  /** Azathioprine: do not combine. */
  AZATHIOPRINE(Severity.WARNING, Action.AVOID_COMBINATION,
      "azathioprine: do not give with mycophenolate (both suppress the bone marrow)", Sources.LABEL_RECALLED,
      "Imuran"),
  /** Aciclovir and valaciclovir: both drugs' levels rise in renal impairment. */
  ACYCLOVIR(Severity.CAUTION, Action.MONITOR,
      "aciclovir/valaciclovir compete with MPAG for tubular secretion: levels of both rise in renal impairment",
      Sources.LABEL, "aciclovir", "valacyclovir", "valaciclovir"),
  /** Ganciclovir and valganciclovir: both drugs' levels rise in renal impairment. */
  GANCICLOVIR(Severity.CAUTION, Action.MONITOR,
      "ganciclovir/valganciclovir compete with MPAG for tubular secretion: levels of both rise in renal impairment",
      Sources.LABEL, "valganciclovir"),
  /** Hormonal contraceptives: may be less effective. */
  HORMONAL_CONTRACEPTIVE(Severity.CAUTION, Action.MONITOR,
      "hormonal contraceptives may be less effective with mycophenolate: add a barrier method",
      Sources.LABEL_RECALLED, "oral contraceptive", "the pill", "levonorgestrel", "combined oral contraceptive"),
  /** Ciprofloxacin and amoxicillin-clavulanate: trough MPA about 50 % lower, fading over two weeks. */
  CIPROFLOXACIN_OR_AMOXICILLIN_CLAVULANATE(Severity.CAUTION, Action.MONITOR,
      "ciprofloxacin or amoxicillin-clavulanate: MPA trough about 50 % lower within 3 days, fading by day 14",
      Sources.LABEL, "ciprofloxacin", "amoxicillin-clavulanate", "amoxicillin clavulanic acid", "co-amoxiclav",
      "Augmentin"),
  /** Norfloxacin with metronidazole: MPA AUC about 33 % lower. */
  NORFLOXACIN_WITH_METRONIDAZOLE(Severity.CAUTION, Action.MONITOR,
      "norfloxacin with metronidazole: MPA AUC about 33 % lower (either alone had no significant effect)",
      Sources.LABEL, "norfloxacin and metronidazole", "norfloxacin metronidazole");

  private static final Names<CoMedication> NAMES = new Names<>("co-medication");

  static {
    for (CoMedication c : values()) {
      NAMES.add(c.name(), c);
      for (String alias : c.aliases) {
        NAMES.add(alias, c);
      }
    }
  }

  private final Finding finding;
  private final List<String> aliases;

  CoMedication(Severity severity, Action action, String message, Source source, String... aliases) {
    this.finding = new Finding("interaction-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        severity, action, message, source);
    this.aliases = List.of(aliases);
  }

  /**
   * Finds a co-medication by enum name, generic or brand name, ignoring case and punctuation.
   *
   * @param name the name, e.g. {@code "cyclosporine"}, {@code "omeprazole"}, {@code "Prograf"}
   * @return the co-medication
   * @throws NullPointerException if {@code name} is null
   * @throws UnknownNameException if nothing matches; the message lists close matches. A drug that is
   *     not listed here has no interaction known to mmf, which is not proof that none exists.
   */
  public static CoMedication byName(String name) {
    return NAMES.get(name);
  }

  /**
   * Returns the interaction finding.
   *
   * @return the interaction finding
   */
  public Finding finding() {
    return finding;
  }

  /**
   * Returns the other names it is looked up by.
   *
   * @return the other names it is looked up by
   */
  public List<String> aliases() {
    return aliases;
  }
}
