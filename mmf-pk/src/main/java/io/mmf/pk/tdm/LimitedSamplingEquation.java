package io.mmf.pk.tdm;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published limited-sampling regression for the MPA AUC0-12 of a 12-hourly MMF regimen:
 * AUC = intercept + sum of coefficient x C(t) over the equation's sampling times. AUC in mg*h/L,
 * concentrations in mg/L, times in h after the morning dose. Each equation holds only in the population
 * it was fitted in (co-medication, time after transplant, assay); {@link #estimate} warns when the
 * patient's context differs. Sources: ../shared/reference/mpa-literature.md, section 5 and appendix B4
 * (abstracts read; Pawinski 2002 read in one pass and recalled in the other).
 */
public enum LimitedSamplingEquation {
  /** Pawinski T et al. Clin Chem 2002;48(9):1497-1504: adult renal transplant on tacrolimus, HPLC (21 patients). */
  PAWINSKI_2002("Pawinski 2002 (renal transplant + tacrolimus, HPLC)", Drug.MYCOPHENOLATE_MOFETIL,
      CoMedication.TACROLIMUS, 7.75, new double[][] {{0, 6.49}, {0.5, 0.76}, {2, 2.43}}),
  /** Ther Drug Monit abstract, PubMed 15964387: heart transplant on ciclosporin, first 12 weeks, HPLC (9 patients). */
  HEART_CICLOSPORIN_3("PubMed 15964387, 3 samples (heart transplant + ciclosporin, HPLC)", Drug.MYCOPHENOLATE_MOFETIL,
      CoMedication.CICLOSPORIN, 5.568, new double[][] {{1.25, 0.902}, {2, 2.022}, {6, 4.594}}),
  /** The same study, 4 samples. */
  HEART_CICLOSPORIN_4("PubMed 15964387, 4 samples (heart transplant + ciclosporin, HPLC)", Drug.MYCOPHENOLATE_MOFETIL,
      CoMedication.CICLOSPORIN, 3.800, new double[][] {{1.25, 1.015}, {2, 1.819}, {4, 1.566}, {6, 3.479}}),
  /** PubMed 25525761: Chinese adult renal transplant on tacrolimus, day 7, EMIT (58 patients), 3 samples. */
  CHINESE_RENAL_TACROLIMUS_3("PubMed 25525761, 3 samples (Chinese renal transplant + tacrolimus, day 7, EMIT)",
      Drug.MYCOPHENOLATE_MOFETIL, CoMedication.TACROLIMUS, 7.951, new double[][] {{2, 1.893}, {6, 4.04}, {10, 4.542}}),
  /** The same study, 4 samples. */
  CHINESE_RENAL_TACROLIMUS_4("PubMed 25525761, 4 samples (Chinese renal transplant + tacrolimus, day 7, EMIT)",
      Drug.MYCOPHENOLATE_MOFETIL, CoMedication.TACROLIMUS, 4.272,
      new double[][] {{0.5, 0.859}, {2, 1.896}, {6, 4.074}, {10, 4.680}});

  /** The calcineurin inhibitor of an equation's population or of a patient. */
  public enum CoMedication {
    /** Ciclosporin: it cuts MPA's enterohepatic recirculation, so the curve's shape differs. */
    CICLOSPORIN,
    /** Tacrolimus. */
    TACROLIMUS,
    /** Neither. */
    NONE
  }

  private final String description;
  private final Drug drug;
  private final CoMedication coMedication;
  private final double intercept;
  private final double[][] terms;

  LimitedSamplingEquation(String description, Drug drug, CoMedication coMedication, double intercept,
      double[][] terms) {
    this.description = description;
    this.drug = drug;
    this.coMedication = coMedication;
    this.intercept = intercept;
    this.terms = terms;
  }

  /**
   * Returns the source and population in words.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the sampling times the equation needs, h after the dose.
   *
   * @return the times, ascending
   */
  public List<Double> samplingTimesHours() {
    List<Double> out = new ArrayList<>();
    for (double[] t : terms) {
      out.add(t[0]);
    }
    return List.copyOf(out);
  }

  /**
   * An AUC0-12 estimate with the warnings that apply.
   *
   * @param aucMgHPerL the estimated AUC0-12, mg*h/L
   * @param warnings where the patient's context differs from the equation's population
   */
  public record Estimate(double aucMgHPerL, List<String> warnings) {
    /**
     * Copies the warnings.
     *
     * @param aucMgHPerL mg*h/L
     * @param warnings the warnings
     */
    public Estimate {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Estimates AUC0-12 from the measured levels.
   *
   * @param concentrationsMgPerLByHours measured concentrations, mg/L (finite, &gt;= 0), keyed by the
   *     nominal sampling time, h after the dose; must include every time of {@link #samplingTimesHours()}
   * @param patientDrug what the patient takes (an equation for MMF on an EC-MPS patient warns)
   * @param patientCoMedication the patient's calcineurin inhibitor, if known
   * @return the estimate and its warnings
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the time if a sample is missing or invalid
   */
  public Estimate estimate(Map<Double, Double> concentrationsMgPerLByHours, Drug patientDrug,
      Optional<CoMedication> patientCoMedication) {
    Checks.notNull(concentrationsMgPerLByHours, "concentrations");
    Checks.notNull(patientDrug, "patientDrug");
    Checks.notNull(patientCoMedication, "patientCoMedication");
    double auc = intercept;
    for (double[] t : terms) {
      Double c = concentrationsMgPerLByHours.get(t[0]);
      if (c == null) {
        throw new IllegalArgumentException(Checks.invalid("concentrations", "a sample at " + t[0] + " h for " + name()
            + ", which needs " + samplingTimesHours() + " h", "missing"));
      }
      if (!(c >= 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException(Checks.invalid("concentration at " + t[0] + " h", "finite and >= 0 mg/L",
            c));
      }
      auc += t[1] * c;
    }
    List<String> warnings = new ArrayList<>();
    if (patientDrug != drug) {
      warnings.add(name() + " was fitted on " + drug + "; the patient takes " + patientDrug
          + ": the absorption profile differs and the equation does not apply");
    }
    if (patientCoMedication.isEmpty()) {
      warnings.add(name() + " was fitted with " + coMedication + "; the patient's co-medication is unknown");
    } else if (patientCoMedication.get() != coMedication) {
      warnings.add(name() + " was fitted with " + coMedication + "; the patient takes " + patientCoMedication.get()
          + ", which changes MPA's recirculation and the curve's shape");
    }
    return new Estimate(auc, warnings);
  }
}
