package io.mmf.pk.population;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.core.safety.CoMedication;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A bundled population model chosen for a patient's context, with the reason: what {@code ./mmf
 * estimate} uses when no {@code --model} is given. Decision support: the choice follows the populations
 * the bundled models were fitted on (their {@link FittedPopulation}), in this order; the model's
 * {@link FittedPopulation#contextWarnings context warnings} then say where the patient still differs:
 *
 * <table>
 *   <caption>The rules, first match wins</caption>
 *   <tr><th>context</th><th>model</th></tr>
 *   <tr><td>EC-MPS</td><td>{@code fromage-2025} (MAP of one steady-state interval; it gives no dose
 *     advice)</td></tr>
 *   <tr><td>under 18, kidney transplant</td><td>{@code heida-2024}</td></tr>
 *   <tr><td>under 18, any other or no condition</td><td>none (refused): the bundled children's models are
 *     Heida 2024 (kidney transplant) and Zhao 2010 (idiopathic nephrotic syndrome, not a catalog condition),
 *     to be named with {@code --model}</td></tr>
 *   <tr><td>lupus nephritis</td><td>{@code mizaki-2023}</td></tr>
 *   <tr><td>kidney transplant on tacrolimus</td><td>{@code riglet-2020}</td></tr>
 *   <tr><td>kidney transplant on ciclosporin, or the inhibitor not said</td><td>{@code van-hest-2005}
 *     (fitted on ciclosporin; the reason asks for {@code --comed} when it was not said)</td></tr>
 *   <tr><td>another or no condition</td><td>{@code van-hest-2005}, the long-standing default, the reason
 *     saying that no bundled model was fitted on it</td></tr>
 * </table>
 *
 * @param name the model's name, one of {@link Populations#NAMES}
 * @param reason the model's name and why it was chosen, without a final full stop
 */
public record ModelChoice(String name, String reason) {
  /** The condition id of kidney transplantation in mmf-core's catalog. */
  static final String KIDNEY = "kidney-transplant";
  /** The condition id of lupus nephritis. */
  static final String LUPUS_NEPHRITIS = "lupus-nephritis";

  /**
   * Validates the choice.
   *
   * @param name a model name
   * @param reason the reason
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is not one of {@link Populations#NAMES}
   */
  public ModelChoice {
    Checks.notNull(name, "name");
    Checks.notNull(reason, "reason");
    if (!Populations.NAMES.contains(name)) {
      throw new IllegalArgumentException(Checks.invalid("name", "one of " + Populations.NAMES, name));
    }
  }

  /**
   * The bundled model for a patient's context (the rules in the class description).
   *
   * @param conditionId the condition's catalog id (e.g. {@code kidney-transplant}), if known
   * @param ageYears the patient's age, years, if known
   * @param drug what the patient takes
   * @param coMedications the patient's co-medications (empty if none or not known)
   * @return the choice
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if no bundled model fits (a child without a kidney transplant),
   *     naming what to do instead
   */
  public static ModelChoice forPatient(Optional<String> conditionId, OptionalDouble ageYears, Drug drug,
      Set<CoMedication> coMedications) {
    Checks.notNull(conditionId, "conditionId");
    Checks.notNull(ageYears, "ageYears");
    Checks.notNull(drug, "drug");
    Checks.notNull(coMedications, "coMedications");
    String condition = conditionId.orElse("");
    if (drug == Drug.MYCOPHENOLATE_SODIUM) {
      return new ModelChoice("fromage-2025", "Fromage 2025, fitted on EC-MPS (one steady-state interval only: the"
          + " samples must follow a steady state)");
    }
    if (ageYears.isPresent() && ageYears.getAsDouble() < 18) {
      if (condition.equals(KIDNEY)) {
        return new ModelChoice("heida-2024", "Heida 2024, fitted on children of 4-18 years after kidney transplantation");
      }
      throw new IllegalArgumentException("No bundled population model was fitted on children with "
          + (condition.isEmpty() ? "no condition given" : condition) + ": give --model (heida-2024 for a kidney"
          + " transplant, zhao-2010 for idiopathic nephrotic syndrome, or a model file)");
    }
    if (condition.equals(LUPUS_NEPHRITIS)) {
      return new ModelChoice("mizaki-2023", "Mizaki 2023, fitted on adults with lupus nephritis");
    }
    if (condition.equals(KIDNEY)) {
      if (coMedications.contains(CoMedication.CYCLOSPORINE)) {
        return new ModelChoice("van-hest-2005", "van Hest 2005, fitted on kidney transplant recipients on ciclosporin");
      }
      if (coMedications.contains(CoMedication.TACROLIMUS)) {
        return new ModelChoice("riglet-2020", "Riglet 2020, fitted on adult kidney transplant recipients on"
            + " tacrolimus");
      }
      return new ModelChoice("van-hest-2005", "van Hest 2005, fitted on kidney transplant recipients on ciclosporin"
          + " (--comed gives the patient's calcineurin inhibitor: tacrolimus chooses Riglet 2020)");
    }
    return new ModelChoice("van-hest-2005", "van Hest 2005, the default: no bundled model was fitted on "
        + (condition.isEmpty() ? "patients with no condition given" : condition));
  }
}
