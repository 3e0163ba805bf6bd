package io.mmf.core.condition;

import io.mmf.core.UnknownNameException;
import io.mmf.core.internal.Checks;
import io.mmf.core.internal.Names;
import io.mmf.core.target.AucTarget;
import io.mmf.core.source.Sources;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conditions mmf knows, looked up by id, name or abbreviation (case and punctuation ignored:
 * {@code "SLE"}, {@code "jdm"}, {@code "Pemphigus vulgaris"}).
 *
 * <p>Immutable and thread-safe. {@link #standard()} holds an entry for every condition the project's
 * seed documents name, each with its sources; {@link #of(List)} builds a catalog of one's own.
 */
public final class ConditionCatalog {

  private static final ConditionCatalog STANDARD = of(standardEntries());

  private final List<Condition> entries;
  private final Names<Condition> names;

  private ConditionCatalog(List<Condition> entries, Names<Condition> names) {
    this.entries = entries;
    this.names = names;
  }

  /**
   * The built-in catalog.
   *
   * @return the catalog of every condition named in the seed documents
   */
  public static ConditionCatalog standard() {
    return STANDARD;
  }

  /**
   * A catalog of the given entries.
   *
   * @param conditions the entries, ids and names unique
   * @return the catalog
   * @throws NullPointerException if the list or an entry is null
   * @throws IllegalArgumentException if the list is empty, or two entries share an id or a name
   */
  public static ConditionCatalog of(List<Condition> conditions) {
    Checks.nonEmpty(conditions, "conditions");
    Map<String, Condition> byId = new LinkedHashMap<>();
    Names<Condition> names = new Names<>("condition", Condition::id);
    for (Condition c : conditions) {
      if (byId.putIfAbsent(c.id(), c) != null) {
        throw new IllegalArgumentException(Checks.invalid("conditions", "unique ids", c.id()));
      }
      try {
        names.add(c.id(), c).add(c.name(), c);
        for (String alias : c.aliases()) {
          names.add(alias, c);
        }
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(Checks.invalid("conditions", "unique names", e.getMessage()), e);
      }
    }
    return new ConditionCatalog(List.copyOf(byId.values()), names);
  }

  /**
   * Returns every entry, in catalog order.
   *
   * @return every entry, in catalog order
   */
  public List<Condition> all() {
    return entries;
  }

  /**
   * Finds an entry by id, name or alias.
   *
   * @param name id, name or abbreviation, any case
   * @return the entry, or empty
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<Condition> find(String name) {
    return names.find(name);
  }

  /**
   * Finds an entry by id, name or alias.
   *
   * @param name id, name or abbreviation, any case
   * @return the entry
   * @throws NullPointerException if {@code name} is null
   * @throws UnknownNameException if nothing matches; it lists the closest names
   */
  public Condition get(String name) {
    return names.get(name);
  }

  private static List<Condition> standardEntries() {
    DailyDoseRange skinDose = new DailyDoseRange(1000, 2000, Sources.SEED_000);
    ResponseTimeline skinTimeline = ResponseTimeline.described(
        "Not a quick fix: weeks to months before results show", Sources.SEED_000);
    ResponseTimeline myositisTimeline = new ResponseTimeline(
        "Initial response in 4-8 weeks; full effect may take 3-6 months; no improvement after 3 months at"
            + " >= 2 g/day counts as treatment failure",
        Optional.of(Period.ofWeeks(8)), Optional.of(Period.ofMonths(6)), Optional.empty(), Optional.of(Period.ofMonths(3)),
        Sources.SEED_003);
    DailyDoseRange myositisDose = new DailyDoseRange(2000, 3000, Sources.SEED_003);
    DailyDoseLimit myositisMax = new DailyDoseLimit(3000, Sources.SEED_003);
    DailyDoseLimit myositisAdequate = new DailyDoseLimit(2000, Sources.SEED_003);
    DailyDoseLimit transplantMax = new DailyDoseLimit(3000, Sources.LABEL.at("section 2"));
    String myositisNotes = "May continue indefinitely while the disease is controlled and the drug tolerated; no"
        + " maximum duration is defined, but reassess periodically whether it is still needed. Withdrawal only after"
        + " >= 1 year of complete remission off corticosteroids (a juvenile dermatomyositis consensus rule applied to"
        + " adults); relapse risk after withdrawal is not well defined, so withdraw cautiously, never abruptly and"
        + " never without a monitoring plan; if relapse follows, MMF can be restarted. Some patients need indefinite"
        + " maintenance (severe initial presentation, anti-synthetase syndrome). Steroid-sparing: taper"
        + " corticosteroids to the lowest possible dose or stop them (median prednisone 15 -> 5 mg/day after 6"
        + " months in one series). Assess strength, skin activity and function regularly; CK may not track"
        + " activity; consider MRI (T2-weighted, fat suppression) to assess muscle inflammation.";

    return List.of(
        Condition.builder("kidney-transplant", "Kidney transplant (rejection prophylaxis)")
            .category(Category.TRANSPLANT)
            .aliases("renal transplant", "kidney transplantation", "renal transplantation", "KTx", "kidney")
            .evidence(Evidence.APPROVED, "Approved: prophylaxis of rejection with a calcineurin inhibitor and"
                + " corticosteroids (label)")
            .usualDailyDose(new DailyDoseRange(2000, 2000, Sources.LABEL))
            .maximumDailyDose(transplantMax)
            .pediatricDosing(new PediatricDosing(600, 600, 2000, 0.25, Sources.LABEL))
            .target(AucTarget.KIDNEY_TRANSPLANT)
            .alternativeTargets(AucTarget.of12Hours(30, 60, "adult and paediatric kidney transplantation"
                + " (IATDMCT 2021, grade B, level II)", Sources.BERGAN_2021))
            .notes("Label: 1 g twice daily; 1.5 g twice daily was studied with no efficacy advantage. Renal cap:"
                + " GFR < 25 mL/min/1.73 m2 outside the immediate post-transplant period, avoid > 1 g twice daily."
                + " The 30-60 window is for the first 30 days (Kuypers 2010); rejection thresholds rise later in"
                + " the first year.")
            .sources(Sources.LABEL, Sources.SEED_000, Sources.KUYPERS_2010)
            .build(),
        Condition.builder("liver-transplant", "Liver transplant (rejection prophylaxis)")
            .category(Category.TRANSPLANT)
            .aliases("hepatic transplant", "liver transplantation", "LTx", "liver")
            .evidence(Evidence.APPROVED, "Approved: prophylaxis of rejection (label)")
            .usualDailyDose(new DailyDoseRange(3000, 3000, Sources.LABEL))
            .maximumDailyDose(transplantMax)
            .pediatricDosing(new PediatricDosing(600, 900, 3000, 0.25, Sources.LABEL))
            .target(AucTarget.LIVER_TRANSPLANT)
            .notes("Label: 1.5 g twice daily by mouth, 1 g twice daily intravenously.")
            .sources(Sources.LABEL, Sources.SEED_000, Sources.BERGAN_2021)
            .build(),
        Condition.builder("heart-transplant", "Heart transplant (rejection prophylaxis)")
            .category(Category.TRANSPLANT)
            .aliases("cardiac transplant", "heart transplantation", "cardiac transplantation", "HTx", "heart")
            .evidence(Evidence.APPROVED, "Approved: prophylaxis of rejection (label)")
            .usualDailyDose(new DailyDoseRange(3000, 3000, Sources.LABEL))
            .maximumDailyDose(transplantMax)
            .pediatricDosing(new PediatricDosing(600, 900, 3000, 0.25, Sources.LABEL))
            .target(AucTarget.HEART_TRANSPLANT)
            .notes("IATDMCT 2021 gives only a lower bound for heart transplantation: AUC0-12 > 36 mg*h/L or C0 > 2.0"
                + " mg/L (grade C, level III); no upper bound is given, so none is applied.")
            .sources(Sources.LABEL, Sources.SEED_000, Sources.BERGAN_2021)
            .build(),
        Condition.builder("lupus-nephritis", "Lupus nephritis")
            .category(Category.NEPHROLOGY)
            .aliases("LN", "lupus kidney disease", "SLE nephritis")
            .evidence(Evidence.STUDIED_IN_TRIALS, "Off-label; evaluated in clinical trials of lupus kidney disease")
            .usualDailyDose(new DailyDoseRange(1000, 3000, Sources.SEED_000))
            .maximumDailyDose(new DailyDoseLimit(3000, Sources.SEED_000))
            .target(AucTarget.of12Hours(30, 60, "proliferative lupus nephritis (concentration-controlled study,"
                + " 34 patients)", Sources.LN_TDM_2014))
            .alternativeTargets(AucTarget.of12Hours(35, 45, "lupus nephritis (review)", Sources.VAN_GELDER_2015))
            .responseTimeline(skinTimeline)
            .notes("1-3 g daily, divided into two doses (seed 000). Published lupus nephritis targets disagree (30-60,"
                + " 35-45, >= 30 or 60-90 mg*h/L): 30-60 is used, 35-45 is offered, and any window can be given"
                + " per call.")
            .sources(Sources.SEED_000, Sources.SEED_004)
            .build(),
        Condition.builder("sle-skin", "Systemic lupus erythematosus (skin disease)")
            .category(Category.DERMATOLOGY)
            .aliases("SLE", "systemic lupus erythematosus", "cutaneous lupus", "lupus skin disease")
            .evidence(Evidence.OFF_LABEL, "Off-label for rashes and skin lesions, when standard treatment fails; one"
                + " case cut steroid use by 50 %")
            .usualDailyDose(skinDose)
            .alternativeTargets(AucTarget.atLeast12Hours(35, "SLE: lowest risk of active disease at AUC >= 35"
                + " (observational, 71 patients)", Sources.ZAHR_2010))
            .responseTimeline(skinTimeline)
            .notes("No validated MPA target. Zahr 2010: AUC >= 35 mg*h/L had the lowest risk of active SLE (an"
                + " association, a lower bound only). Steroid-sparing: MMF lets corticosteroids be reduced or stopped.")
            .sources(Sources.SEED_000, Sources.ZAHR_2010)
            .build(),
        Condition.builder("pemphigus-vulgaris", "Pemphigus vulgaris")
            .category(Category.DERMATOLOGY)
            .aliases("PV")
            .evidence(Evidence.OFF_LABEL, "Off-label; effective especially when corticosteroids fail; one case had"
                + " 80 % lesion clearance within 6 months")
            .usualDailyDose(skinDose)
            .responseTimeline(skinTimeline)
            .sources(Sources.SEED_000)
            .build(),
        Condition.builder("pemphigus-foliaceus", "Pemphigus foliaceus")
            .category(Category.DERMATOLOGY)
            .aliases("PF")
            .evidence(Evidence.OFF_LABEL, "Off-label; listed among the blistering diseases MMF treats when standard"
                + " treatment fails")
            .usualDailyDose(skinDose)
            .responseTimeline(skinTimeline)
            .sources(Sources.SEED_000)
            .build(),
        Condition.builder("systemic-sclerosis", "Systemic sclerosis")
            .category(Category.RHEUMATOLOGY)
            .aliases("SSc", "scleroderma")
            .evidence(Evidence.OFF_LABEL, "Off-label; listed for skin thickening and hardening")
            .usualDailyDose(skinDose)
            .responseTimeline(skinTimeline)
            .sources(Sources.SEED_000)
            .build(),
        Condition.builder("psoriasis", "Severe psoriasis")
            .category(Category.DERMATOLOGY)
            .aliases("severe psoriasis")
            .evidence(Evidence.OFF_LABEL, "Off-label, when other medications fail")
            .usualDailyDose(skinDose)
            .responseTimeline(skinTimeline)
            .sources(Sources.SEED_000)
            .build(),
        Condition.builder("eczema", "Severe eczema")
            .category(Category.DERMATOLOGY)
            .aliases("atopic dermatitis", "dermatitis", "severe eczema", "atopic eczema")
            .evidence(Evidence.STUDIED_IN_TRIALS, "Off-label, when other medications fail; evaluated in trials of"
                + " dermatitis")
            .usualDailyDose(skinDose)
            .responseTimeline(skinTimeline)
            .sources(Sources.SEED_000, Sources.SEED_004)
            .build(),
        Condition.builder("rheumatoid-arthritis", "Rheumatoid arthritis")
            .category(Category.RHEUMATOLOGY)
            .aliases("RA")
            .evidence(Evidence.OFF_LABEL, "Off-label; listed among the autoimmune diseases MMF is used for")
            .responseTimeline(skinTimeline)
            .notes("No dose is given by the sources; the label's adult maximum (3 g/day) still applies.")
            .sources(Sources.SEED_000)
            .build(),
        Condition.builder("dermatomyositis", "Dermatomyositis")
            .category(Category.RHEUMATOLOGY)
            .aliases("DM", "adult dermatomyositis")
            .evidence(Evidence.OFF_LABEL_GUIDELINE, "Off-label; guideline-based maintenance; 11 of 17 refractory"
                + " myositis patients responded within 6 months")
            .usualDailyDose(myositisDose)
            .maximumDailyDose(myositisMax)
            .adequateDailyDose(myositisAdequate)
            .target(AucTarget.SEED_003_MYOSITIS)
            .responseTimeline(myositisTimeline)
            .myositis()
            .notes(myositisNotes)
            .sources(Sources.SEED_003, Sources.SEED_000)
            .build(),
        Condition.builder("inflammatory-myopathy", "Inflammatory myopathy")
            .category(Category.RHEUMATOLOGY)
            .aliases("IIM", "myositis", "idiopathic inflammatory myopathy", "myopathy",
                "systemic autoimmune myopathy")
            .evidence(Evidence.OFF_LABEL_GUIDELINE, "Off-label; guideline-based maintenance as for dermatomyositis")
            .usualDailyDose(myositisDose)
            .maximumDailyDose(myositisMax)
            .adequateDailyDose(myositisAdequate)
            .target(AucTarget.SEED_003_MYOSITIS)
            .responseTimeline(myositisTimeline)
            .myositis()
            .notes(myositisNotes)
            .sources(Sources.SEED_003)
            .build(),
        Condition.builder("juvenile-dermatomyositis", "Juvenile dermatomyositis")
            .category(Category.RHEUMATOLOGY)
            .aliases("JDM")
            .evidence(Evidence.CASE_SERIES, "Case series: 8 children, 7 of them given MMF after conventional"
                + " immunosuppressants; 6 good responses at 3 months (MMT +0 to +21, mean +10.6; CMAS +3 to +11, mean"
                + " +7; corticosteroids tapered 0-50 %, mean 18 %; follow-up up to 26 months; one transient"
                + " neutropenia with another immunosuppressant); SHARE 2017: may be useful for muscle and skin disease")
            .responseTimeline(new ResponseTimeline("Response evaluated 3 months after starting MMF (the case series'"
                + " assessment time, not a time to full effect)", Optional.empty(), Optional.empty(),
                Optional.of(Period.ofMonths(3)), Optional.empty(), Sources.SEED_002))
            .myositis()
            .notes("No mg/m2 dose was found in a primary source; dose by the treating team. The regimen check applies"
                + " the label's paediatric limits (600 mg/m2 twice daily, at most 2 g/day) as a ceiling. Watch blood"
                + " counts closely with another immunosuppressant (the series' one neutropenia).")
            .sources(Sources.SEED_002, Sources.SHARE_2017)
            .build(),
        Condition.builder("multifocal-motor-neuropathy", "Multifocal motor neuropathy (adjunct to IVIg)")
            .category(Category.NEUROLOGY)
            .aliases("MMN", "multifocal motor neuropathy")
            .evidence(Evidence.RCT_NEGATIVE, "RCT of 28 IVIg responders on maintenance IVIg: 1 g twice daily with"
                + " IVIg was safe but did not alter disease course or allow IVIg reduction (1 MMF patient reached the"
                + " 50 % IVIg reduction endpoint; strength, function and anti-GM1 IgM unchanged)")
            .usualDailyDose(new DailyDoseRange(2000, 2000, Sources.SEED_001))
            .responseTimeline(new ResponseTimeline("Trial: strength and function monthly for a year; IVIg tapered"
                + " step-wise from month 3; strength and function at 3 months and IVIg reduction at 12 months: no"
                + " change at either", Optional.empty(), Optional.empty(), Optional.of(Period.ofMonths(12)),
                Optional.empty(), Sources.SEED_001))
            .notes("IVIg remains the primary, FDA-approved treatment. The dose is the trial's; the trial found no"
                + " benefit.")
            .sources(Sources.SEED_001)
            .build(),
        Condition.builder("lambert-eaton", "Lambert-Eaton myasthenic syndrome")
            .category(Category.NEUROLOGY)
            .aliases("LEMS", "Lambert-Eaton myasthenic syndrome", "Lambert-Eaton syndrome")
            .evidence(Evidence.NOT_ASSESSED, "Off-label; efficacy has not been assessed in LEMS")
            .notes("No dose is given by the sources; the label's adult maximum (3 g/day) still applies.")
            .sources(Sources.SEED_004)
            .build(),
        Condition.builder("crohns-disease", "Crohn's disease")
            .category(Category.GASTROENTEROLOGY)
            .aliases("Crohn's", "Crohn disease", "Crohns")
            .evidence(Evidence.STUDIED_IN_TRIALS, "Off-label; evaluated in clinical trials")
            .notes("No dose is given by the sources; the label's adult maximum (3 g/day) still applies.")
            .sources(Sources.SEED_004)
            .build());
  }
}
