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

  /** The CellCept US prescribing information, read through mirrors quoting it. */
  public static final Source LABEL = new Source("label",
      "CellCept (mycophenolate mofetil) US prescribing information, Genentech (read in mirrors quoting the label)",
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
          + " mycophenolate sodium 342.3 g/mol (recalled; consistent with 720 mg EC-MPS = 674 mg MPA in"
          + " de Winter BCM et al. Clin Pharmacokinet 2008, Table II)",
      Verification.READ_SECONDARY);

  /** Myfortic (EC-MPS) prescribing information: 720 mg twice daily ~ MMF 1 g twice daily. */
  public static final Source MYFORTIC_LABEL = new Source("myfortic-label",
      "Myfortic (mycophenolic acid delayed-release) prescribing information: 180 mg and 360 mg tablets;"
          + " 720 mg EC-MPS delivers MPA equivalent to 1000 mg MMF (read in secondary sources)",
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
   * Every source defined here.
   *
   * @return the sources, in declaration order
   */
  public static List<Source> all() {
    return List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, LABEL, LABEL_RECALLED, SMPC, EU_2015_PREGNANCY,
        KUYPERS_2010, BERGAN_2021, VAN_GELDER_2015, ZAHR_2010, LN_TDM_2014, BULLINGHAM_1996,
        MOLECULAR_WEIGHTS, MYFORTIC_LABEL, BSR_DMARD_MONITORING, MOSTELLER_1987, KOBAYASHI_2004, SHARE_2017);
  }
}
