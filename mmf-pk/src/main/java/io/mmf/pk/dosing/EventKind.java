package io.mmf.pk.dosing;

import io.mmf.core.internal.Checks;
/**
 * What a {@link DoseRecord} does: NONMEM's event identifier (EVID), as a type.
 *
 * @see <a href="https://nonmem.iconplc.com/nonmem/Nonmem_7_Project/nmvi2.0beta/htmlplus/evid.htm">NONMEM help: EVID</a>
 */
public enum EventKind {
  /** EVID 0: an observation; the record asks for the concentrations at its time and gives no dose. */
  OBSERVATION(0),
  /** EVID 1: a dose into the model's input for the record's drug. */
  DOSE(1),
  /** EVID 2: an "other-type" event: a covariate change, or a prediction at a time, with no dose. */
  OTHER(2),
  /** EVID 3: a reset: every amount and infusion in progress is zeroed, pending doses are cancelled. */
  RESET(3),
  /** EVID 4: a reset, then a dose, at the same instant. */
  RESET_AND_DOSE(4);

  private final int evid;

  EventKind(int evid) {
    this.evid = evid;
  }

  /**
   * Returns NONMEM's code for this kind.
   *
   * @return the EVID, 0 to 4
   */
  public int evid() {
    return evid;
  }

  /**
   * Whether a record of this kind gives a dose.
   *
   * @return true for {@link #DOSE} and {@link #RESET_AND_DOSE}
   */
  public boolean isDose() {
    return this == DOSE || this == RESET_AND_DOSE;
  }

  /**
   * Whether a record of this kind resets the system.
   *
   * @return true for {@link #RESET} and {@link #RESET_AND_DOSE}
   */
  public boolean isReset() {
    return this == RESET || this == RESET_AND_DOSE;
  }

  /**
   * The kind for a NONMEM code.
   *
   * @param evid 0 to 4
   * @return the kind
   * @throws IllegalArgumentException if {@code evid} is not 0 to 4
   */
  public static EventKind ofEvid(int evid) {
    for (EventKind k : values()) {
      if (k.evid == evid) {
        return k;
      }
    }
    throw new IllegalArgumentException(Checks.invalid("EVID", "0 to 4", evid));
  }
}
