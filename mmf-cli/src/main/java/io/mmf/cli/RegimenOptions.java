package io.mmf.cli;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import picocli.CommandLine.Option;

/** Regimen options shared by commands. */
final class RegimenOptions {
  @Option(names = "--dose", paramLabel = "MG",
      description = "Dose per administration, mg of the formulation's substance (MMF, or MPA for EC-MPS), at most"
          + " 100000.")
  Double doseMg;

  @Option(names = "--formulation", paramLabel = "FORM", defaultValue = "mmf-tablet-500",
      description = "mmf-capsule-250, mmf-tablet-500, mmf-suspension, mmf-iv, ec-mps-180, ec-mps-360 (default: ${DEFAULT-VALUE}).")
  String formulation;

  @Option(names = "--interval", paramLabel = "HOURS", defaultValue = "12",
      description = "Hours between doses, 1 to 168 (default: ${DEFAULT-VALUE}, twice daily).")
  double intervalHours;

  /**
   * The regimen of the options.
   *
   * @throws IllegalArgumentException naming the option if the dose is missing, the dose or the interval is out of
   *     its range, or the formulation is unknown
   */
  Regimen regimen() {
    if (doseMg == null) {
      throw new IllegalArgumentException("Missing required option: '--dose=MG' (the dose per administration, mg)");
    }
    return regimen(Ranges.dose("--dose", doseMg));
  }

  /**
   * The regimen of the options at another dose (one a dose history gives).
   *
   * @throws IllegalArgumentException naming the option if the interval is out of its range, or the
   *     formulation is unknown
   */
  Regimen regimen(double mg) {
    Ranges.interval("--interval", intervalHours);
    return Regimen.of(Formulation.byName(formulation), Dose.ofMg(mg), DosingInterval.everyHours(intervalHours));
  }
}
