package io.mmf.core.safety;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Screens a patient profile into contraindications, warnings and interactions. Stateless and
 * thread-safe.
 *
 * <p>Proton-pump inhibitors lower exposure from MMF only: for an EC-MPS formulation their finding is
 * reported at {@link Severity#INFO} with {@link Action#CONTINUE}.
 */
public final class SafetyScreen {
  private SafetyScreen() {}

  /**
   * Screens a profile for a planned formulation.
   *
   * @param profile the patient
   * @param formulation what would be given
   * @return the report
   * @throws NullPointerException if an argument is null
   */
  public static SafetyReport screen(PatientProfile profile, Formulation formulation) {
    Checks.notNull(profile, "profile");
    Checks.notNull(formulation, "formulation");
    List<Finding> contraindications = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    List<Finding> interactions = new ArrayList<>();
    for (RiskFactor f : profile.riskFactors()) {
      switch (f.kind()) {
        case CONTRAINDICATION -> contraindications.add(f.finding());
        case WARNING -> warnings.add(f.finding());
        case INTERACTION -> interactions.add(f.finding());
        default -> throw new AssertionError(f.kind());
      }
    }
    for (CoMedication c : profile.coMedications()) {
      Finding finding = c.finding();
      if (c == CoMedication.PROTON_PUMP_INHIBITOR && formulation.drug() == Drug.MYCOPHENOLATE_SODIUM) {
        finding = new Finding(finding.ruleId(), Severity.INFO, Action.CONTINUE,
            "proton-pump inhibitors did not change MPA exposure from EC-MPS", finding.source());
      }
      interactions.add(finding);
    }
    Comparator<Finding> order = Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId);
    contraindications.sort(order);
    warnings.sort(order);
    interactions.sort(order);
    return new SafetyReport(contraindications, warnings, interactions);
  }
}
