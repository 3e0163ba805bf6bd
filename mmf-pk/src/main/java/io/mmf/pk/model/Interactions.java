package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Co-medications acting on a model, where the sources quantify the effect:
 * <ul>
 *   <li>Mg/Al hydroxide antacids: MMF bioavailability x 0.83 (label: AUC 17 % lower with Maalox); EC-MPS
 *       bioavailability x 0.63 (Myfortic prescribing information: MPA exposure 37 % lower);</li>
 *   <li>proton-pump inhibitors: MMF bioavailability x (1 - reduction); the studies give 23 % (omeprazole,
 *       healthy volunteers) to 37 % (pantoprazole, autoimmune patients) lower AUC, so the reduction is a
 *       parameter in that range, 30 % by default; EC-MPS is not affected (a label figure of 25-35 % is
 *       recalled, not read);</li>
 *   <li>bile-acid sequestrants: enterohepatic recirculation interrupted, the gallbladder emptying to the
 *       faeces (the label's ~40 % lower AUC is the outcome of that in a recirculating model);</li>
 *   <li>ciclosporin: biliary MPAG excretion (every transfer into the gallbladder) x 0.002, as in de Winter
 *       2009.</li>
 * </ul>
 * Anything else (or an effect the model's structure cannot express, such as EHC effects on a model
 * without recirculation) is returned as not modelled, never silently ignored. Where an effect can be
 * managed (separate the antacid, review the PPI, stop the sequestrant), the effect carries that
 * management, which dose advice puts before any dose change. The antacid figures were measured with
 * the antacid given together with mycophenolate, so they describe simultaneous dosing. Stateless.
 */
public final class Interactions {
  private Interactions() {}

  /**
   * MMF bioavailability with a Mg/Al hydroxide antacid: AUC0-24 17 % lower.
   *
   * @see Sources#LABEL
   */
  public static final double ANTACID_FACTOR = 0.83;
  /**
   * EC-MPS bioavailability with a Mg/Al hydroxide antacid: MPA exposure 37 % lower (Cmax 25 % lower),
   * single dose given together.
   *
   * @see Sources#MYFORTIC_PI_INTERACTIONS
   */
  public static final double ANTACID_EC_MPS_FACTOR = 0.63;
  /**
   * Smallest PPI reduction of MMF exposure accepted: 23 % (omeprazole in healthy volunteers).
   *
   * @see Sources#MPA_INTERACTION_REVIEW
   */
  public static final double PPI_MIN_REDUCTION = 0.23;
  /**
   * Largest PPI reduction of MMF exposure accepted: 37 % (pantoprazole in autoimmune patients, Schaier
   * 2010).
   *
   * @see Sources#MPA_INTERACTION_REVIEW
   */
  public static final double PPI_MAX_REDUCTION = 0.37;
  /**
   * Default proton-pump inhibitor reduction of MMF exposure: 30 %, the middle of the studies' 23-37 %.
   *
   * @see Sources#MPA_INTERACTION_REVIEW
   */
  public static final double PPI_DEFAULT_REDUCTION = 0.30;
  /**
   * Factor on biliary MPAG excretion with ciclosporin (de Winter 2009 multiplies k57 by 0.002).
   *
   * @see #DE_WINTER_2009
   */
  public static final double CYCLOSPORINE_BILIARY_FACTOR = 0.002;

  /** de Winter 2009: the EHC model in which ciclosporin scales biliary MPAG excretion by 0.002. */
  public static final Source DE_WINTER_2009 = new Source("de-winter-2009",
      "de Winter BCM, van Gelder T, Sombogaard F, Shaw LM, van Hest RM, Mathot RAA. Pharmacokinetic role of protein"
          + " binding of mycophenolic acid and its glucuronide metabolite in renal transplant recipients. J"
          + " Pharmacokinet Pharmacodyn 2009;36(6):541-564 (k57 x 0.002 with ciclosporin, as encoded in nlmixr2lib)",
      Source.Verification.READ_SECONDARY);

  /**
   * One effect applied.
   *
   * @param coMedication the co-medication
   * @param effect what changed in the model
   * @param source citation
   * @param management what removes the effect (e.g. "give the antacid at another time"), or empty when
   *     it is part of the regimen (ciclosporin)
   */
  public record Effect(CoMedication coMedication, String effect, Source source, String management) {
    /**
     * Validates the effect.
     *
     * @param coMedication co-medication
     * @param effect effect
     * @param source citation
     * @param management management or empty
     * @throws NullPointerException if an argument is null
     */
    public Effect {
      Objects.requireNonNull(coMedication, "coMedication");
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(management, "management");
    }

    /**
     * Returns true when the effect can be removed by managing the co-medication.
     *
     * @return true when {@link #management()} is not empty
     */
    public boolean manageable() {
      return !management.isEmpty();
    }
  }

  /**
   * The model with the effects, what was applied, and what could not be.
   *
   * @param model the changed model
   * @param applied the effects applied
   * @param notModelled co-medications with no effect on this model, each with the reason
   */
  public record Applied(PkModel model, List<Effect> applied, List<String> notModelled) {
    /**
     * Copies the lists.
     *
     * @param model model
     * @param applied effects
     * @param notModelled reasons
     */
    public Applied {
      applied = List.copyOf(applied);
      notModelled = List.copyOf(notModelled);
    }
  }

  /**
   * Applies co-medications with the default PPI reduction.
   *
   * @param model the model
   * @param coMedications the co-medications
   * @param formulation what is given (PPIs and antacids act on MMF only)
   * @return the result
   * @throws NullPointerException if an argument is null
   */
  public static Applied apply(PkModel model, Collection<CoMedication> coMedications, Formulation formulation) {
    return apply(model, coMedications, formulation, PPI_DEFAULT_REDUCTION);
  }

  /**
   * Applies co-medications.
   *
   * @param model the model
   * @param coMedications the co-medications
   * @param formulation what is given
   * @param ppiReduction fractional reduction of MMF exposure by a PPI, {@link #PPI_MIN_REDUCTION} to
   *     {@link #PPI_MAX_REDUCTION}: the studies give 23 % (omeprazole, healthy volunteers) to 37 %
   *     (pantoprazole, autoimmune patients)
   * @return the result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code ppiReduction} is outside 0.23-0.37
   */
  public static Applied apply(PkModel model, Collection<CoMedication> coMedications, Formulation formulation,
      double ppiReduction) {
    Checks.notNull(model, "model");
    Checks.notNull(formulation, "formulation");
    if (!(ppiReduction >= PPI_MIN_REDUCTION && ppiReduction <= PPI_MAX_REDUCTION)) {
      throw new IllegalArgumentException(Checks.invalid("ppiReduction",
          "0.23 to 0.37, the range the studies give", ppiReduction));
    }
    Set<CoMedication> set = coMedications.isEmpty() ? EnumSet.noneOf(CoMedication.class)
        : EnumSet.copyOf(coMedications);
    PkModel m = model;
    List<Effect> applied = new ArrayList<>();
    List<String> notModelled = new ArrayList<>();
    boolean mmf = formulation.drug() == Drug.MYCOPHENOLATE_MOFETIL;
    boolean recirculates = model.transfers().stream().anyMatch(t -> t.windowed() && t.to().isPresent());
    for (CoMedication c : set) {
      switch (c) {
        case ANTACID_MG_AL -> {
          if (mmf) {
            m = m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_MOFETIL, ANTACID_FACTOR);
            applied.add(new Effect(c, "MMF bioavailability x 0.83 (antacid given at the same time)", Sources.LABEL,
                "do not give the antacid at the same time as MMF (label): separate them"));
          } else {
            m = m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_SODIUM, ANTACID_EC_MPS_FACTOR);
            applied.add(new Effect(c, "EC-MPS bioavailability x 0.63 (antacid given at the same time)",
                Sources.MYFORTIC_PI_INTERACTIONS, "avoid giving the antacid with EC-MPS; occasional use only"
                    + " (Myfortic prescribing information)"));
          }
        }
        case PROTON_PUMP_INHIBITOR -> {
          if (mmf) {
            m = m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_MOFETIL, 1 - ppiReduction);
            applied.add(new Effect(c, "MMF bioavailability x " + (1 - ppiReduction), Sources.MPA_INTERACTION_REVIEW,
                "review whether the proton-pump inhibitor is needed, or consider EC-MPS, whose MPA exposure"
                    + " pantoprazole did not change (Myfortic prescribing information)"));
          } else {
            notModelled.add(c + ": no effect on EC-MPS (pantoprazole did not change MPA from EC-MPS)");
          }
        }
        case BILE_ACID_SEQUESTRANT -> {
          if (recirculates) {
            m = m.withoutRecirculation();
            applied.add(new Effect(c, "enterohepatic recirculation interrupted (bile to the faeces)",
                Sources.MMF_PI_INTERACTIONS, "stop the bile-acid sequestrant: not recommended with mycophenolate"));
          } else {
            notModelled.add(c + ": acts on enterohepatic recirculation, which model '" + model.name() + "' lacks");
          }
        }
        case CYCLOSPORINE -> {
          String gallbladder = m.transfers().stream().filter(t -> t.windowed() && t.to().isPresent())
              .map(PkModel.Transfer::from).findFirst().orElse(null);
          List<PkModel.Transfer> into = gallbladder == null ? List.of() : m.transfers().stream()
              .filter(t -> t.to().equals(java.util.Optional.of(gallbladder))).toList();
          if (into.isEmpty()) {
            notModelled.add(c + ": acts on biliary excretion, which model '" + model.name()
                + "' lacks (van Hest 2005 takes the ciclosporin dose as a covariate)");
          } else {
            for (PkModel.Transfer t : into) {
              m = m.withTransferScaled(t.from(), gallbladder, CYCLOSPORINE_BILIARY_FACTOR);
            }
            applied.add(new Effect(c, "biliary excretion into the gallbladder x 0.002", DE_WINTER_2009, ""));
          }
        }
        default -> notModelled.add(c + ": not modelled (the sources give no effect on a model parameter); see its"
            + " interaction finding");
      }
    }
    return new Applied(m, applied, notModelled);
  }
}
