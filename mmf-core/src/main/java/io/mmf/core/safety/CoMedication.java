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
      "ciclosporin lowers MPA exposure by blocking enterohepatic recirculation: the prescribing information expects"
          + " MPA AUC about 30 % higher once ciclosporin is stopped (at the same MMF dose the MPA trough was 1.98 with"
          + " vs 4.38 mg/L without ciclosporin: Smak Gregoor 1999); dose by MPA levels when ciclosporin is started,"
          + " stopped or switched to tacrolimus (consensus start: 1.5 g twice daily with ciclosporin)",
      Sources.MMF_PI_INTERACTIONS,
      "ciclosporin", "cyclosporin", "cyclosporine a", "CsA", "Neoral", "Sandimmune"),
  /** Tacrolimus: no effect on recirculation; MPA exposure higher than with ciclosporin at the same dose. */
  TACROLIMUS(Severity.INFO, Action.CONTINUE,
      "tacrolimus does not block enterohepatic recirculation: MPA exposure is higher than with ciclosporin at"
          + " the same MMF dose (consensus start: 1 g twice daily with tacrolimus, 1.5 g with ciclosporin)",
      Sources.KUYPERS_2010, "FK506", "Prograf", "Advagraf", "Envarsus"),
  /** Voclosporin: no clinically meaningful effect on MPA. */
  VOCLOSPORIN(Severity.INFO, Action.CONTINUE,
      "voclosporin did not change MPA exposure in SLE (AUC0-12 ratio 1.09, Cmax ratio 0.94); it is given with MMF"
          + " in lupus nephritis", Sources.VAN_GELDER_2021, "Lupkynis"),
  /** Sirolimus, everolimus or belatacept: regimens without ciclosporin's effect on recirculation. */
  CICLOSPORIN_FREE_REGIMEN(Severity.CAUTION, Action.MONITOR,
      "sirolimus, everolimus or belatacept: switching between a ciclosporin regimen and one of these changes MPA"
          + " exposure (ciclosporin lowers it); consider MPA monitoring around the switch (not quantified)",
      Sources.MMF_PI_INTERACTIONS, "sirolimus", "everolimus", "belatacept", "Rapamune", "Certican", "Zortress",
      "Nulojix"),
  /** Corticosteroids: conflicting data on MPA; additive immunosuppression. */
  CORTICOSTEROID(Severity.INFO, Action.MONITOR,
      "corticosteroids: conflicting data (no effect, or lower MPA exposure); a steroid taper may change MPA"
          + " exposure (not quantified); combined immunosuppression raises the infection risk",
      Sources.MPA_INTERACTION_REVIEW, "prednisone", "prednisolone", "methylprednisolone", "dexamethasone",
      "hydrocortisone", "budesonide", "deflazacort", "steroid", "corticosteroid"),
  /** Cholestyramine and other bile-acid sequestrants: MPA AUC about 40 % lower. */
  BILE_ACID_SEQUESTRANT(Severity.WARNING, Action.AVOID_COMBINATION,
      "bile-acid sequestrants interrupt enterohepatic recirculation: MPA AUC about 40 % lower with cholestyramine;"
          + " not recommended", Sources.MMF_PI_INTERACTIONS,
      "cholestyramine", "colestyramine", "colestipol", "colesevelam"),
  /** Magnesium or aluminium hydroxide antacids: lower absorption. */
  ANTACID_MG_AL(Severity.CAUTION, Action.SEPARATE_DOSES,
      "magnesium or aluminium hydroxide antacids lower MPA absorption from MMF (AUC0-24 about 17 % lower, Cmax"
          + " about 33 % lower, 2 g MMF with Maalox); do not give them at the same time", Sources.LABEL,
      "antacid", "magnesium hydroxide", "aluminium hydroxide", "aluminum hydroxide", "Maalox"),
  /** Proton-pump inhibitors: lower MPA exposure from MMF (not from EC-MPS). */
  PROTON_PUMP_INHIBITOR(Severity.CAUTION, Action.MONITOR,
      "proton-pump inhibitors lower MPA exposure from MMF (AUC 23-37 % lower across studies: omeprazole 23 %,"
          + " lansoprazole 25 %, pantoprazole 27-37 %); EC-MPS is not affected (pantoprazole, Myfortic prescribing"
          + " information): review whether the PPI is needed, or consider EC-MPS",
      Sources.MPA_INTERACTION_REVIEW, "PPI", "omeprazole", "esomeprazole", "pantoprazole", "lansoprazole", "rabeprazole"),
  /** Rifampin: lowers MPA exposure. */
  RIFAMPIN(Severity.WARNING, Action.AVOID_COMBINATION,
      "rifampin lowers MPA exposure (dose-corrected AUC 67 % lower in one heart-lung recipient; AUC 17.5 % and"
          + " trough 49 % lower in 8 kidney recipients): generally avoid; otherwise monitor MPA and adjust the dose",
      Sources.INTERACTION_MONOGRAPHS, "rifampicin", "Rifadin"),
  /** Sevelamer: lower MPA exposure. */
  SEVELAMER(Severity.CAUTION, Action.SEPARATE_DOSES,
      "sevelamer lowers MPA exposure (Cmax 36 % and AUC 26 % lower): give MMF at least 2 hours before sevelamer",
      Sources.INTERACTION_MONOGRAPHS, "Renvela", "Renagel"),
  /** Lanthanum carbonate: a phosphate binder with no quantified effect on MPA. */
  LANTHANUM(Severity.INFO, Action.SEPARATE_DOSES,
      "lanthanum carbonate: no effect on MPA quantified (not quantified; sevelamer's figures do not carry over to"
          + " it); the prescribing information asks that phosphate binders be given 2 hours after MMF",
      Sources.MMF_PI_INTERACTIONS, "lanthanum", "Fosrenol"),
  /** Calcium salts: no quantified interaction; phosphate binders apart from MMF. */
  CALCIUM_SALT(Severity.INFO, Action.SEPARATE_DOSES,
      "calcium salts: no quantified effect on MPA (not quantified); the prescribing information asks that phosphate"
          + " binders be given 2 hours after MMF", Sources.MMF_PI_INTERACTIONS, "calcium carbonate", "calcium acetate",
      "calcium", "calcium citrate"),
  /** Iron salts: conflicting data; no effect in kidney transplant recipients. */
  IRON_SALT(Severity.INFO, Action.CONTINUE,
      "oral iron: conflicting data (AUC 91 % lower in 7 volunteers; no effect in 16 volunteers and in a randomised"
          + " trial in 40 kidney recipients); giving them apart does no harm", Sources.MUDGE_2004, "ferrous sulfate",
      "ferrous sulphate", "ferrous fumarate", "ferrous gluconate", "iron", "iron sulfate"),
  /** Azathioprine: do not combine. */
  AZATHIOPRINE(Severity.WARNING, Action.AVOID_COMBINATION,
      "azathioprine: do not give with mycophenolate (both can cause bone marrow aplasia; the combination has not"
          + " been studied)", Sources.MMF_PI_INTERACTIONS, "Imuran"),
  /** Cyclophosphamide: additive immunosuppression. */
  CYCLOPHOSPHAMIDE(Severity.CAUTION, Action.MONITOR,
      "cyclophosphamide: no pharmacokinetic interaction described (not quantified); both suppress the immune system"
          + " and the marrow, so the infection risk rises with the total immunosuppression: monitor blood counts",
      Sources.NO_INTERACTION_FOUND, "Endoxan", "Cytoxan"),
  /** Rituximab, belimumab and other biologics: additive immunosuppression. */
  B_CELL_BIOLOGIC(Severity.CAUTION, Action.MONITOR,
      "rituximab or belimumab: no pharmacokinetic interaction described (not quantified); the combined"
          + " immunosuppression raises the risk of serious and opportunistic infections (including PML)",
      Sources.NO_INTERACTION_FOUND, "rituximab", "belimumab", "MabThera", "Rituxan", "Benlysta", "obinutuzumab",
      "Gazyva"),
  /** Hydroxychloroquine: no interaction described. */
  HYDROXYCHLOROQUINE(Severity.INFO, Action.CONTINUE,
      "hydroxychloroquine: no interaction with mycophenolate described (not quantified)", Sources.NO_INTERACTION_FOUND,
      "Plaquenil"),
  /** Intravenous immunoglobulin: no interaction described. */
  IMMUNOGLOBULIN(Severity.INFO, Action.CONTINUE,
      "intravenous immunoglobulin: no interaction with mycophenolate described (not quantified)",
      Sources.NO_INTERACTION_FOUND, "IVIG", "intravenous immunoglobulin", "immunoglobulin"),
  /** Aciclovir and valaciclovir: both drugs' levels rise in renal impairment. */
  ACYCLOVIR(Severity.CAUTION, Action.MONITOR,
      "aciclovir/valaciclovir compete with MPAG for tubular secretion: MPAG 8 % higher; levels of both rise in renal"
          + " impairment, so follow such patients carefully", Sources.MMF_PI_INTERACTIONS, "aciclovir",
      "valacyclovir", "valaciclovir"),
  /** Ganciclovir and valganciclovir: tubular competition and additive myelotoxicity. */
  GANCICLOVIR(Severity.CAUTION, Action.MONITOR,
      "ganciclovir/valganciclovir: MPA unchanged, but both suppress the marrow (additive myelotoxicity, not"
          + " quantified) and compete for tubular secretion in renal impairment: monitor blood counts and dose"
          + " ganciclovir for renal function", Sources.VALGANCICLOVIR_PI, "valganciclovir", "Valcyte", "Cymevene"),
  /** Trimethoprim-sulfamethoxazole: no PK interaction described; additive myelosuppression. */
  COTRIMOXAZOLE(Severity.INFO, Action.MONITOR,
      "trimethoprim-sulfamethoxazole: no pharmacokinetic interaction with mycophenolate described (a drug guide;"
          + " not quantified); the valganciclovir prescribing information counts trimethoprim and the sulphonamides"
          + " among the myelosuppressive drugs whose toxicity adds to mycophenolate's: monitor blood counts",
      Sources.VALGANCICLOVIR_PI, "trimethoprim-sulfamethoxazole",
      "co-trimoxazole", "Bactrim", "Septra", "TMP-SMX", "trimethoprim"),
  /** Hormonal contraceptives: may be less effective. */
  HORMONAL_CONTRACEPTIVE(Severity.CAUTION, Action.MONITOR,
      "hormonal contraceptives may be less effective with mycophenolate (levonorgestrel AUC 15 % lower): add a"
          + " barrier method", Sources.INTERACTION_MONOGRAPHS, "oral contraceptive", "the pill", "levonorgestrel",
      "combined oral contraceptive"),
  /** Ciprofloxacin and amoxicillin-clavulanate: trough MPA about 50 % lower, fading over two weeks. */
  CIPROFLOXACIN_OR_AMOXICILLIN_CLAVULANATE(Severity.CAUTION, Action.MONITOR,
      "ciprofloxacin or amoxicillin-clavulanate: MPA trough about 50 % lower within 3 days, fading by day 14 and"
          + " gone 3 days after stopping", Sources.INTERACTION_MONOGRAPHS, "ciprofloxacin", "amoxicillin-clavulanate",
      "amoxicillin clavulanic acid", "co-amoxiclav", "Augmentin"),
  /** Other fluoroquinolones: possibly the same effect as ciprofloxacin. */
  OTHER_FLUOROQUINOLONE(Severity.CAUTION, Action.MONITOR,
      "levofloxacin, moxifloxacin and other fluoroquinolones may lower MPA as ciprofloxacin does (not quantified)",
      Sources.INTERACTION_MONOGRAPHS, "levofloxacin", "moxifloxacin", "ofloxacin"),
  /** Norfloxacin alone: little effect described; with metronidazole, see below. */
  NORFLOXACIN(Severity.INFO, Action.MONITOR,
      "norfloxacin alone: little effect on MPA described (not quantified); with metronidazole MPA AUC was about 33 %"
          + " lower: monitor if both are given", Sources.INTERACTION_MONOGRAPHS, "Noroxin"),
  /** Norfloxacin with metronidazole: MPA AUC about 33 % lower. */
  NORFLOXACIN_WITH_METRONIDAZOLE(Severity.CAUTION, Action.MONITOR,
      "norfloxacin with metronidazole: MPA AUC about 33 % lower in 11 healthy volunteers (one MMF dose on day 4 of 5"
          + " days of both antibiotics)",
      Sources.INTERACTION_MONOGRAPHS, "norfloxacin and metronidazole", "norfloxacin metronidazole"),
  /** Metronidazole alone: MPA AUC 19 % lower in volunteers. */
  METRONIDAZOLE(Severity.INFO, Action.MONITOR,
      "metronidazole alone: MPA AUC 19 % lower in healthy volunteers (review table; 33 % lower with norfloxacin)",
      Sources.MPA_INTERACTION_REVIEW, "Flagyl"),
  /** Telmisartan: MPA about 30 % lower. */
  TELMISARTAN(Severity.CAUTION, Action.MONITOR,
      "telmisartan lowers MPA concentrations by about 30 % (UGT1A9 induction; valsartan and candesartan did not):"
          + " monitor MPA", Sources.INTERACTION_MONOGRAPHS, "Micardis"),
  /** Isavuconazole: MPA AUC about 40 % higher. */
  ISAVUCONAZOLE(Severity.CAUTION, Action.MONITOR,
      "isavuconazole raises MPA exposure (AUC nearly 40 % higher in volunteers): monitor for MPA toxicity",
      Sources.INTERACTION_MONOGRAPHS, "isavuconazonium", "Cresemba"),
  /** Probenecid: inhibits tubular secretion of MPAG. */
  PROBENECID(Severity.CAUTION, Action.MONITOR,
      "probenecid inhibits the tubular secretion of MPAG, raising MPAG (and possibly MPA) levels (not quantified in"
          + " patients): monitor", Sources.INTERACTION_MONOGRAPHS);

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
   * Finds a co-medication by enum name, generic or brand name, ignoring case and punctuation; empty when
   * mmf's table does not list it.
   *
   * @param name the name
   * @return the co-medication, or empty
   * @throws NullPointerException if {@code name} is null
   */
  public static java.util.Optional<CoMedication> find(String name) {
    return NAMES.find(name);
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
