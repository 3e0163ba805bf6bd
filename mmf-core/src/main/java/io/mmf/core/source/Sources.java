package io.mmf.core.source;

import io.mmf.core.source.Source.Verification;
import java.util.List;

/**
 * The citations mmf-core's clinical numbers rest on.
 *
 * <p>The five seed documents the project started from are {@code SEED_000} to {@code SEED_004}
 * (kept in the project's shared reference folder). Where a figure was read only in a secondary
 * source, or recalled, its {@link Verification} says so.
 */
public final class Sources {
  private Sources() {}

  /** Seed 000: patient-education article on MMF in autoimmune skin conditions (uses, doses, risks). */
  public static final Source SEED_000 = new Source("seed-000",
      "Mycophenolate Mofetil And Its Use In Autoimmune Skin Conditions (patient-education article; project seed 000)",
      Verification.READ);

  /** Seed 001: summary of the randomised controlled trial of MMF as adjunct to IVIg in multifocal motor neuropathy. */
  public static final Source SEED_001 = new Source("seed-001",
      "Mycophenolate mofetil as adjunctive therapy: RCT of CellCept 1 g twice daily with IVIg in multifocal motor"
          + " neuropathy, 28 patients, 12 months (project seed 001)",
      Verification.READ);

  /** Seed 002: Dagher et al., MMF in juvenile dermatomyositis, a case series. */
  public static final Source SEED_002 = new Source("seed-002",
      "Dagher R et al. Mycophenolate mofetil in juvenile dermatomyositis: a case series. Rheumatol Int"
          + " 2012;32(3):711-716. doi:10.1007/s00296-010-1653-5 (project seed 002)",
      Verification.READ);

  /**
   * Seed 003: guideline summary on MMF duration, dosing, response, monitoring and withdrawal in
   * dermatomyositis and inflammatory myopathy. It is an AI-assisted summary citing unnamed guidelines,
   * so its figures are marked as read in a secondary source.
   */
  public static final Source SEED_003 = new Source("seed-003",
      "Dr.Oracle Medical Advisory Board. What is the recommended duration of treatment with mycophenolate mofetil"
          + " for patients with dermatomyositis and myopathy? Updated 11 Dec 2025 (project seed 003)",
      Verification.READ_SECONDARY);

  /** Seed 004: Lambert-Eaton News on mycophenolate in Lambert-Eaton myasthenic syndrome. */
  public static final Source SEED_004 = new Source("seed-004",
      "Lambert-Eaton News. Mycophenolate (information page, last updated 23 July 2019; project seed 004)",
      Verification.READ);

  /**
   * The CellCept US prescribing information, read through mirrors quoting it (DailyMed highlights and the
   * boxed warning, openFDA label text, prescriberpoint's dosing table, drugs.com and medscape). Use
   * {@link Source#at(String)} for a section, e.g. {@code LABEL.at("section 5.3")}.
   */
  public static final Source LABEL = new Source("label",
      "CellCept (mycophenolate mofetil) US prescribing information, Genentech (read in mirrors quoting the label)",
      Verification.READ_SECONDARY);

  /**
   * The boxed warning of the CellCept US prescribing information, read verbatim in DailyMed's highlights
   * and the openFDA label text: embryofetal toxicity (5.1), malignancies (5.2), serious infections (5.3).
   * Only the boxed warning's own words are read here; the body of section 5 is {@link
   * #LABEL_WARNINGS_SECONDARY}.
   */
  public static final Source LABEL_BOXED_WARNING = new Source("label",
      "CellCept (mycophenolate mofetil) US prescribing information, Genentech: boxed warning (DailyMed highlights;"
          + " openFDA label text)",
      Verification.READ);

  /**
   * The Warnings and Precautions of the CellCept US prescribing information beyond the boxed warning:
   * the headings and section numbers read verbatim (DailyMed highlights, the adverse-reactions list), the
   * contents (blood dyscrasias 5.4, gastrointestinal complications 5.5, acute inflammatory syndrome 5.7,
   * the sun-protection advice of 5.2) only as secondary sources and national prescribing information
   * summarise them.
   */
  public static final Source LABEL_WARNINGS_SECONDARY = new Source("label-warnings",
      "CellCept (mycophenolate mofetil) US prescribing information, Genentech: Warnings and Precautions headings"
          + " read in DailyMed; contents as summarised by secondary sources (MPR, drug guides) and the Roche"
          + " national prescribing information (MIMS Singapore)",
      Verification.READ_SECONDARY);

  /**
   * Label items recalled but not re-read here (HGPRT deficiency, rifampin, sevelamer, azathioprine,
   * hormonal contraceptives): kept separate so a reviewer can check each against the current label.
   */
  public static final Source LABEL_RECALLED = new Source("label-recalled",
      "CellCept (mycophenolate mofetil) US prescribing information, Genentech: item recalled, not re-read",
      Verification.RECALLED);

  /** The CellCept EU Summary of Product Characteristics (EMA, Annex I). */
  public static final Source SMPC = new Source("smpc",
      "CellCept Summary of Product Characteristics, European Medicines Agency, Annex I",
      Verification.READ);

  /** The 2015 EU label change adding contraindications for pregnancy, contraception and breastfeeding. */
  public static final Source EU_2015_PREGNANCY = new Source("eu-2015-dhpc",
      "Roche Direct Healthcare Professional Communication, December 2015: CellCept contraindicated in pregnancy,"
          + " in women of childbearing potential not using highly effective contraception, and in breastfeeding"
          + " (as published in the NPRA Malaysia safety alert of 14 Dec 2015)",
      Verification.READ_SECONDARY);

  /** Kuypers et al. 2010: consensus on therapeutic drug monitoring of MPA in solid organ transplantation. */
  public static final Source KUYPERS_2010 = new Source("kuypers-2010",
      "Kuypers DR et al. Consensus report on therapeutic drug monitoring of mycophenolic acid in solid organ"
          + " transplantation. Clin J Am Soc Nephrol 2010;5:341-358",
      Verification.READ_SECONDARY);

  /** Bergan et al. 2021: IATDMCT consensus on MPA therapeutic drug monitoring. */
  public static final Source BERGAN_2021 = new Source("bergan-2021",
      "Bergan S et al. Personalized therapy for mycophenolate: consensus report by the International Association"
          + " of Therapeutic Drug Monitoring and Clinical Toxicology. Ther Drug Monit 2021;43(2):150-197",
      Verification.READ_SECONDARY);

  /** van Gelder, Berden and Berger 2015: suggested MPA targets in lupus nephritis. */
  public static final Source VAN_GELDER_2015 = new Source("van-gelder-2015",
      "van Gelder T, Berden JH, Berger S. To TDM or not to TDM in lupus nephritis patients treated with MMF?"
          + " Nephrol Dial Transplant 2015;30(4):560-564",
      Verification.READ);

  /** Zahr et al. 2010: MPA AUC and SLE activity. */
  public static final Source ZAHR_2010 = new Source("zahr-2010",
      "Zahr N et al. Mycophenolic acid area under the curve correlates with disease activity in lupus patients"
          + " treated with mycophenolate mofetil. Arthritis Rheum 2010;62(7):2047-2054. doi:10.1002/art.27495",
      Verification.READ);

  /** Concentration-controlled MMF in proliferative lupus nephritis (target 30-60 mg*h/L). */
  public static final Source LN_TDM_2014 = new Source("ln-tdm-2014",
      "Concentration-controlled MMF in proliferative lupus nephritis, 34 patients. Ther Drug Monit"
          + " 2014;36(4):423-432 (abstract)",
      Verification.READ);

  /** Bullingham et al. 1996: MMF bioavailability and MPA disposition in healthy volunteers. */
  public static final Source BULLINGHAM_1996 = new Source("bullingham-1996",
      "Bullingham R et al. Absolute bioavailability, disposition and metabolism of mycophenolate mofetil."
          + " J Clin Pharmacol 1996;36(4):315-324",
      Verification.READ);

  /** Molecular weights: MMF 433.50 g/mol (label), MPA 320.3 g/mol, mycophenolate sodium 342.3 g/mol. */
  public static final Source MOLECULAR_WEIGHTS = new Source("molecular-weights",
      "MMF 433.50 g/mol (CellCept label, description section); MPA 320.3 g/mol (nlmixr2lib MPA model files);"
          + " mycophenolate sodium 342.3 g/mol (from its formula C17H19NaO6, 342.32; consistent with the Myfortic"
          + " label's 180 mg MPA = 192.4 mg mycophenolate sodium)",
      Verification.READ_SECONDARY);

  /**
   * Myfortic (EC-MPS) prescribing information: the 180 and 360 mg strengths are mg of mycophenolic acid
   * (180 mg MPA = 192.4 mg mycophenolate sodium); 720 mg twice daily is the adult dose and delivers MPA
   * equivalent to 1000 mg MMF twice daily.
   */
  public static final Source MYFORTIC_LABEL = new Source("myfortic-label",
      "Myfortic (mycophenolic acid as mycophenolate sodium, delayed-release) prescribing information: 180 mg and"
          + " 360 mg tablets of mycophenolic acid (equivalent to 192.4 and 384.4 mg mycophenolate sodium); 720 mg"
          + " twice daily in adult kidney transplantation, equivalent to MMF 1000 mg twice daily (read in the"
          + " Singapore HSA leaflet, a UK SmPC mirror and MIMS)",
      Verification.READ_SECONDARY);

  /**
   * A UK DMARD monitoring protocol following British Society for Rheumatology guidance:
   * withhold and discuss if WBC &lt; 3.5 x 10^9/L, neutrophils &lt; 1.6 x 10^9/L, platelets &lt; 140 x 10^9/L,
   * AST or ALT &gt; 100 U/L. Other local protocols differ (e.g. neutrophils &lt; 2.0, ALT &gt; 2x ULN), so
   * every threshold taken from it is configurable.
   */
  public static final Source BSR_DMARD_MONITORING = new Source("bsr-dmard-monitoring",
      "NHS Dumfries and Galloway rheumatology DMARD monitoring protocol (following British Society for"
          + " Rheumatology DMARD guidance): withhold and discuss if WBC < 3.5, neutrophils < 1.6, platelets < 140"
          + " x 10^9/L, AST or ALT > 100 U/L",
      Verification.READ_SECONDARY);

  /** Mosteller 1987: body-surface area = sqrt(height cm x weight kg / 3600). */
  public static final Source MOSTELLER_1987 = new Source("mosteller-1987",
      "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317(17):1098",
      Verification.RECALLED);

  /** Kobayashi et al. 2004: ciclosporin, not tacrolimus, blocks biliary MPAG excretion (MRP2). */
  public static final Source KOBAYASHI_2004 = new Source("kobayashi-2004",
      "Kobayashi M et al. Cyclosporin A, but not tacrolimus, inhibits the biliary excretion of mycophenolic acid"
          + " glucuronide. J Pharmacol Exp Ther 2004;309:1029-1035 (abstract; rats)",
      Verification.READ);

  /** SHARE 2017 recommendations for juvenile dermatomyositis. */
  public static final Source SHARE_2017 = new Source("share-2017",
      "Bellutti Enders F et al. Consensus-based recommendations for the management of juvenile"
          + " dermatomyositis. Ann Rheum Dis 2017;76:329-340, Table 3",
      Verification.READ);

  /**
   * Mycophenolate mofetil prescribing information of the EU type, interactions section (4.5): the generic
   * Tecnigen PI (MIMS Thailand, verbatim) and the Swiss CellCept Fachinformation (ch.oddb.org), read for
   * ciclosporin (MPA AUC about 30 % higher once ciclosporin is stopped), cholestyramine (AUC 40 % lower),
   * aciclovir, azathioprine, phosphate binders (2 h after MMF) and switching to or from
   * ciclosporin-free regimens (sirolimus, belatacept).
   */
  public static final Source MMF_PI_INTERACTIONS = new Source("mmf-pi-interactions",
      "Mycophenolate mofetil prescribing information, interactions: EU-type generic PI (Mycophenolate Mofetil"
          + " Tecnigen, MIMS Thailand) and Swiss CellCept Fachinformation (ch.oddb.org)",
      Verification.READ);

  /**
   * Myfortic prescribing information, interactions section (Novartis national PIs: Philippines, Malaysia,
   * Indonesia, Hong Kong; Swiss Fachinformation): Mg/Al antacids lower MPA exposure from EC-MPS by 37 % and
   * Cmax by 25 %; pantoprazole did not change MPA from EC-MPS (it lowered MPA from MMF: AUC 27 %, Cmax 57 %);
   * not to be given with azathioprine; ganciclovir leaves MPA unchanged.
   */
  public static final Source MYFORTIC_PI_INTERACTIONS = new Source("myfortic-pi-interactions",
      "Myfortic (mycophenolic acid delayed-release) prescribing information, interactions (Novartis national PIs"
          + " on MIMS Philippines, Malaysia, Indonesia and Hong Kong; Swiss Fachinformation)",
      Verification.READ);

  /**
   * Drug-interaction monographs (drugs.com professional, Cerner Multum) quoting the CellCept, Myfortic and
   * partner-drug prescribing information: rifampin, sevelamer, telmisartan, isavuconazole, levonorgestrel,
   * valganciclovir, ciprofloxacin.
   */
  public static final Source INTERACTION_MONOGRAPHS = new Source("interaction-monographs",
      "drugs.com professional drug-interaction monographs (Cerner Multum), citing the CellCept and Myfortic"
          + " prescribing information and the partner drugs' labels",
      Verification.READ_SECONDARY);

  /**
   * Table 2 of a published review of mycophenolate interactions (PMC3758456; authors and title not read):
   * effects of co-medications on MPA in healthy volunteers, transplant and autoimmune patients.
   */
  public static final Source MPA_INTERACTION_REVIEW = new Source("mpa-interaction-review",
      "Review of mycophenolic acid drug interactions, Table 2 (PMC3758456; authors and title not read)",
      Verification.READ);

  /** Smak Gregoor et al. 1999: MPA trough with and without ciclosporin at the same MMF dose. */
  public static final Source SMAK_GREGOOR_1999 = new Source("smak-gregoor-1999",
      "Smak Gregoor PJH et al. Mycophenolic acid plasma concentrations in kidney allograft recipients with or"
          + " without cyclosporin. Nephrol Dial Transplant 1999;14:706-708 (abstract: trough 1.98 vs 4.38 mg/L at"
          + " MMF 2 g/day)",
      Verification.READ);

  /** van Gelder et al. 2021: voclosporin does not change MPA exposure (AUC ratio 1.09) in SLE. */
  public static final Source VAN_GELDER_2021 = new Source("van-gelder-2021",
      "van Gelder T et al. Voclosporin: a novel calcineurin inhibitor with no impact on mycophenolic acid levels"
          + " in patients with SLE. Nephrol Dial Transplant 2021. doi:10.1093/ndt/gfab022 (abstract)",
      Verification.READ);

  /** Mudge et al. 2004: oral iron did not change MPA AUC in kidney transplant recipients (RCT, 40 patients). */
  public static final Source MUDGE_2004 = new Source("mudge-2004",
      "Mudge DW et al. Randomized trial of iron and mycophenolate in renal transplant recipients. Transplantation"
          + " 2004;77:206-209 (abstract); with Morii M et al. Clin Pharmacol Ther 2000 (7 volunteers: AUC 91 % lower)"
          + " and Ducray PS et al. Br J Clin Pharmacol 2006;62:492-495 (16 volunteers: no interaction)",
      Verification.READ);

  /** Valganciclovir (Valgan) prescribing information: additive myelosuppression with immunosuppressants. */
  public static final Source VALGANCICLOVIR_PI = new Source("valganciclovir-pi",
      "Valganciclovir (Valgan 450) prescribing information, interactions (MIMS Singapore): toxicity may be enhanced"
          + " with myelosuppressive drugs, mycophenolate mofetil among them",
      Verification.READ);

  /**
   * mmf's own search for an interaction, where none was found: label mirrors, interaction monographs and
   * PubMed abstracts were searched in December 2026 and describe no pharmacokinetic interaction. Not proof
   * that none exists, and never the source of a number.
   */
  public static final Source NO_INTERACTION_FOUND = new Source("no-interaction-found",
      "mmf interaction review, December 2026: no interaction with mycophenolate described in the label mirrors,"
          + " drug-interaction monographs and abstracts searched (absence of evidence, not evidence of absence)",
      Verification.READ_SECONDARY);

  /**
   * The pregnancy-prevention rules of the EU and UK regulators: MHRA Drug Safety Update December 2015 (two
   * tests, the second 8-10 days after the first and immediately before starting) and the EMA update of
   * December 2017 (women: at least one reliable form of contraception, two preferred, before, during and 6
   * weeks after; men: the patient or his female partner uses reliable contraception during treatment and for
   * at least 90 days after). If pregnancy occurs, patients should not stop treatment but consult their doctor
   * at once.
   */
  public static final Source EU_PREGNANCY_PREVENTION = new Source("eu-pregnancy-prevention",
      "EMA, Mycophenolate: updated recommendations for contraception for men and women (December 2017); MHRA Drug"
          + " Safety Update, December 2015 (as reported by MIMS UK and kidney.org.uk)",
      Verification.READ_SECONDARY);

  /**
   * MHRA Drug Safety Updates on mycophenolate: hypogammaglobulinaemia and bronchiectasis (measure
   * immunoglobulins if recurrent infections develop; consider bronchiectasis or pulmonary fibrosis with
   * persistent cough or dyspnoea) and pure red cell aplasia (July 2009: dose reduction or discontinuation under
   * specialist supervision).
   */
  public static final Source MHRA_SAFETY_UPDATES = new Source("mhra-dsu",
      "MHRA Drug Safety Update: mycophenolate mofetil and mycophenolic acid, risk of hypogammaglobulinaemia and of"
          + " bronchiectasis; mycophenolate mofetil, pure red cell aplasia (July 2009, vol 2 issue 12)",
      Verification.READ);

  /**
   * The British Society for Rheumatology guideline on prescribing in pregnancy (2022): stop mycophenolate at
   * least 6 weeks before conception; azathioprine is compatible with pregnancy.
   */
  public static final Source BSR_PREGNANCY_2022 = new Source("bsr-pregnancy-2022",
      "Russell MD et al. British Society for Rheumatology guideline on prescribing drugs in pregnancy and"
          + " breastfeeding: immunomodulatory anti-rheumatic drugs and corticosteroids. Rheumatology 2023;62:e48"
          + " (keac551), Table 1",
      Verification.READ);

  /**
   * The EU CellCept package leaflet (EMA text, as copied verbatim into a FHIR example of 16 Feb 2022): no
   * blood donation during treatment and for at least 6 weeks after; men must not donate semen during
   * treatment and for at least 90 days after; the patient or his female partner should use reliable
   * contraception during treatment and for 90 days after.
   */
  public static final Source EU_PATIENT_LEAFLET = new Source("eu-patient-leaflet",
      "CellCept package leaflet, European Medicines Agency (section 2), as copied verbatim in"
          + " joofio/test-epi-composition input/fsh/examples/cellcept.fsh (2022-02-16)",
      Verification.READ);

  /**
   * Every source defined here.
   *
   * @return the sources, in declaration order
   */
  public static List<Source> all() {
    return List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, LABEL, LABEL_RECALLED, SMPC, EU_2015_PREGNANCY,
        KUYPERS_2010, BERGAN_2021, VAN_GELDER_2015, ZAHR_2010, LN_TDM_2014, BULLINGHAM_1996,
        MOLECULAR_WEIGHTS, MYFORTIC_LABEL, BSR_DMARD_MONITORING, MOSTELLER_1987, KOBAYASHI_2004, SHARE_2017,
        MMF_PI_INTERACTIONS, MYFORTIC_PI_INTERACTIONS, INTERACTION_MONOGRAPHS, MPA_INTERACTION_REVIEW,
        SMAK_GREGOOR_1999, VAN_GELDER_2021, MUDGE_2004, VALGANCICLOVIR_PI, NO_INTERACTION_FOUND,
        EU_PREGNANCY_PREVENTION, MHRA_SAFETY_UPDATES, BSR_PREGNANCY_2022, LABEL_BOXED_WARNING,
        LABEL_WARNINGS_SECONDARY, EU_PATIENT_LEAFLET);
  }
}
