package io.mmf.core.safety;

import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;

/**
 * The warnings that hold for every patient on mycophenolate, whatever their risk factors: the label's
 * boxed warning and its Warnings and Precautions, and the safety statements of the seed documents.
 * {@link SafetyScreen} reports each one that applies to the formulation in every screen, so that "no
 * warnings" is never printed for a patient about to start an immunosuppressant.
 *
 * <p>Sections are those of the CellCept US prescribing information where its text was read (the
 * boxed warning and sections 5.1-5.5 and 5.7 in DailyMed's highlights and the openFDA text); where only
 * another regulator's text was read (the UK MHRA, the EMA, a national prescribing information), the
 * source says so. Risk factors escalate some of these: a patient who can become pregnant gets
 * {@link RiskFactor#CAN_BECOME_PREGNANT} besides {@link #EMBRYOFETAL_TOXICITY}.
 */
public enum LabelWarning {
  /** Boxed warning: embryofetal toxicity. */
  EMBRYOFETAL_TOXICITY(Severity.WARNING, Action.MONITOR,
      "boxed warning, embryofetal toxicity: use in pregnancy raises the risk of first-trimester pregnancy loss and"
          + " congenital malformations; avoid if safer treatment options exist; counsel females of reproductive"
          + " potential on pregnancy prevention and planning", Sources.LABEL_BOXED_WARNING.at("boxed warning, 5.1"),
      false),
  /** Boxed warning: lymphoma and other malignancies, particularly of the skin. */
  MALIGNANCY(Severity.WARNING, Action.MONITOR,
      "boxed warning, malignancies: higher risk of lymphoma and other malignancies, particularly of the skin (seed"
          + " 000, seed 004); limit sun and UV exposure with protective clothing and a high-factor sunscreen, and"
          + " check the skin (the sun-protection wording as the Roche prescribing information of Singapore gives it;"
          + " that of the US section 5.2 not read)", Sources.LABEL_BOXED_WARNING.at("boxed warning, 5.2"), false),
  /** Boxed warning: serious infections, including opportunistic ones and viral reactivation. */
  SERIOUS_INFECTIONS(Severity.WARNING, Action.MONITOR,
      "boxed warning, serious infections: higher susceptibility to bacterial, viral, fungal and protozoal infections,"
          + " including opportunistic infections and hepatitis B and C reactivation, which may be fatal (seed 000,"
          + " seed 004); the risk rises with the total immunosuppression",
      Sources.LABEL_BOXED_WARNING.at("boxed warning, 5.3"), false),
  /** Screening for infections before the first dose (seed 000). */
  INFECTION_SCREENING(Severity.CAUTION, Action.MONITOR,
      "before starting: screen for infections (seed 000), including hepatitis B and C serology (reactivation:"
          + " seed 001, label boxed warning)", Sources.SEED_000, false),
  /** Progressive multifocal leukoencephalopathy (JC virus). */
  PML(Severity.CAUTION, Action.MONITOR,
      "progressive multifocal leukoencephalopathy (JC virus), sometimes fatal, has been reported (seed 001, FDA"
          + " alert): consider PML in any patient with new neurological symptoms", Sources.SEED_001, false),
  /** BK virus-associated (polyomavirus) nephropathy. */
  BK_VIRUS_NEPHROPATHY(Severity.CAUTION, Action.MONITOR,
      "polyomavirus (BK virus) nephropathy has been observed, sometimes with graft loss (seed 001): consider reducing"
          + " immunosuppression if it develops", Sources.SEED_001, false),
  /** Cytomegalovirus infection. */
  CMV(Severity.CAUTION, Action.MONITOR,
      "cytomegalovirus infection and disease are associated with mycophenolate (seed 001): follow local CMV"
          + " prophylaxis and surveillance", Sources.SEED_001, false),
  /** Blood dyscrasias: neutropenia and pure red cell aplasia. */
  BLOOD_DYSCRASIAS(Severity.CAUTION, Action.MONITOR,
      "blood dyscrasias: neutropenia (interrupt or reduce below ANC 1.3 x 10^9/L) and pure red cell aplasia"
          + " (dose reduction or stop under specialist supervision); blood counts on the label's schedule",
      Sources.LABEL_WARNINGS_SECONDARY.at("5.4"), false),
  /** Gastrointestinal complications. */
  GASTROINTESTINAL_COMPLICATIONS(Severity.CAUTION, Action.MONITOR,
      "gastrointestinal complications: bleeding, ulceration and perforation can occur; caution in active serious"
          + " digestive disease", Sources.LABEL_WARNINGS_SECONDARY.at("5.5"), false),
  /** Acute inflammatory syndrome. */
  ACUTE_INFLAMMATORY_SYNDROME(Severity.CAUTION, Action.MONITOR,
      "acute inflammatory syndrome (fever, arthralgia, myalgia, raised inflammatory markers) can follow starting or"
          + " increasing mycophenolate: stop it and consider alternatives", Sources.LABEL_WARNINGS_SECONDARY.at("5.7"),
      false),
  /** Hypogammaglobulinaemia and bronchiectasis. */
  HYPOGAMMAGLOBULINAEMIA_BRONCHIECTASIS(Severity.CAUTION, Action.MONITOR,
      "hypogammaglobulinaemia and bronchiectasis: measure immunoglobulins if infections recur; consider"
          + " bronchiectasis or pulmonary fibrosis with a persistent cough or dyspnoea", Sources.MHRA_SAFETY_UPDATES,
      false),
  /** Live vaccines during therapy. */
  IMMUNIZATIONS(Severity.CAUTION, Action.AVOID_COMBINATION,
      "immunizations: avoid live vaccines during therapy (seed 000); the response to other vaccines may be weaker",
      Sources.MYFORTIC_PI_INTERACTIONS, false),
  /** Contraception for male patients, and semen donation. */
  MALE_PATIENTS(Severity.CAUTION, Action.MONITOR,
      "male patients: the patient or his female partner should use reliable contraception during treatment and for"
          + " at least 90 days after stopping (EMA 2017; US: effective contraception for 90 days after the last"
          + " dose); do not donate semen during therapy and for at least 90 days after", Sources.EU_PATIENT_LEAFLET,
      false),
  /** Blood donation. */
  BLOOD_DONATION(Severity.INFO, Action.MONITOR,
      "do not donate blood during therapy and for at least 6 weeks after stopping", Sources.EU_PATIENT_LEAFLET,
      false),
  /** Phenylketonuria: the oral suspension contains aspartame. */
  PHENYLKETONURIA(Severity.CAUTION, Action.MONITOR,
      "the oral suspension contains aspartame, a source of phenylalanine: weigh this for patients with"
          + " phenylketonuria", Sources.LABEL, true);

  private final Finding finding;
  private final boolean suspensionOnly;

  LabelWarning(Severity severity, Action action, String message, Source source, boolean suspensionOnly) {
    this.finding = new Finding("label-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), severity,
        action, message, source);
    this.suspensionOnly = suspensionOnly;
  }

  /**
   * Returns the finding this warning produces.
   *
   * @return the finding
   */
  public Finding finding() {
    return finding;
  }

  /**
   * Returns true when the warning applies to a formulation (the aspartame warning to the oral suspension
   * only; the others to every form).
   *
   * @param formulation what is given
   * @return true when it applies
   * @throws NullPointerException if {@code formulation} is null
   */
  public boolean appliesTo(Formulation formulation) {
    Checks.notNull(formulation, "formulation");
    return !suspensionOnly || formulation == Formulation.MMF_ORAL_SUSPENSION;
  }
}
