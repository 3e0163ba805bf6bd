package io.mmf.core.safety;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.finding.Action;
import io.mmf.core.finding.Finding;
import io.mmf.core.finding.Severity;
import io.mmf.core.internal.Checks;
import io.mmf.core.source.Sources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Screens a patient profile into contraindications, warnings and interactions. Stateless and
 * thread-safe.
 *
 * <p>Every screen reports the {@link LabelWarning label warnings} that apply to the formulation,
 * whatever the risk factors, so a report never says "no warnings". A drug that mmf's interaction
 * table does not list is an interaction finding ({@code interaction-unlisted}) asking for a check by
 * hand: the screen always completes. Effects that differ for EC-MPS are reported as the Myfortic
 * prescribing information gives them: proton-pump inhibitors did not change MPA exposure from EC-MPS
 * ({@link Severity#INFO}, {@link Action#CONTINUE}); Mg/Al antacids lower MPA exposure from EC-MPS by
 * 37 % and Cmax by 25 %.
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
        case CONTRAINDICATION -> contraindications.addAll(f.findings());
        case WARNING -> warnings.addAll(f.findings());
        case INTERACTION -> interactions.addAll(f.findings());
        default -> throw new AssertionError(f.kind());
      }
    }
    for (LabelWarning w : LabelWarning.values()) {
      if (w.appliesTo(formulation)) {
        warnings.add(w.finding());
      }
    }
    boolean ecMps = formulation.drug() == Drug.MYCOPHENOLATE_SODIUM;
    for (CoMedication c : profile.coMedications()) {
      interactions.add(ecMps ? forEcMps(c) : c.finding());
    }
    for (String name : profile.unlistedMedications()) {
      interactions.add(new Finding("interaction-unlisted", Severity.CAUTION, Action.REFER,
          "'" + name + "' is not in mmf's interaction table: check its interactions with mycophenolate by hand"
              + " (an unlisted drug is not proof that none exists)", Sources.NO_INTERACTION_FOUND));
    }
    Comparator<Finding> order = Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId);
    contraindications.sort(order);
    warnings.sort(order);
    interactions.sort(order);
    return new SafetyReport(contraindications, warnings, interactions);
  }

  /** The finding for EC-MPS where the Myfortic prescribing information gives its own effect. */
  private static Finding forEcMps(CoMedication c) {
    Finding f = c.finding();
    return switch (c) {
      case PROTON_PUMP_INHIBITOR -> new Finding(f.ruleId(), Severity.INFO, Action.CONTINUE,
          "proton-pump inhibitors did not change MPA exposure from EC-MPS (pantoprazole 40 mg twice daily)",
          Sources.MYFORTIC_PI_INTERACTIONS);
      case ANTACID_MG_AL -> new Finding(f.ruleId(), Severity.CAUTION, Action.SEPARATE_DOSES,
          "magnesium or aluminium hydroxide antacids lower MPA exposure from EC-MPS by 37 % and Cmax by 25 % (single"
              + " dose given together): avoid giving them together; occasional use only", Sources.MYFORTIC_PI_INTERACTIONS);
      default -> f;
    };
  }
}
