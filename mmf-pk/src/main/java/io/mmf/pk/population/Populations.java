package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import io.mmf.pk.internal.ModelReader;
import io.mmf.pk.model.ModelFileException;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Population versions of the presets, with the variability their papers report (log-scale variances;
 * where a paper gives CV %, omega^2 = ln(1 + CV^2)).
 */
public final class Populations {
  private Populations() {}

  /**
   * van Hest 2005 variability, as variances: ka 0.802, CL/F 0.091, V1/F 0.602, V2/F 0.712; residual
   * error additive 0.45 mg/L (the nlmixr2lib transcription of Maizaud et al. 2025 Table 1; the
   * paper's inter-occasion variability is left out by {@link #vanHest2005(Presets.VanHestCovariates)},
   * the bundled file without it; the file, {@code named("van-hest-2005")}, has it: ka 0.86, V1 0.384, CL
   * 0.084, each day an occasion). The id of the bundled file's source.
   */
  public static final Source VAN_HEST_2005_VARIABILITY = new Source("van-hest-2005-iiv",
      "van Hest 2005 inter-individual variability as transcribed by nlmixr2lib from Maizaud F et al. PLoS One"
          + " 2025;20(8):e0330854 Table 1 (ka 0.802, CL 0.091, V1 0.602, V2 0.712; additive error 0.45 mg/L)",
      Source.Verification.READ_SECONDARY);

  /** van Hest 2005's population: adult renal transplant recipients on ciclosporin, at steady state. */
  public static final FittedPopulation VAN_HEST_2005_POPULATION = FittedPopulation.patients(
      "adult renal transplant recipients on ciclosporin");

  /** Jiao 2008's population: healthy Chinese men after a single 500 mg dose of MMF. */
  public static final FittedPopulation JIAO_2008_POPULATION = new FittedPopulation(
      "healthy Chinese men after one 500 mg dose of MMF", true, true);

  /** Highest EHCP an individual may have: the log-normal draw is capped below 1 (P(eta would exceed it) &lt; 1e-5). */
  public static final double MAX_EHCP = 0.999;

  /**
   * van Hest 2005 for patients with given covariates, without its between-occasion variability: the bundled
   * file ({@code van-hest-2005.json}) at those covariates, every occasion the typical one.
   *
   * @param covariates the covariates (their typical CL and V1)
   * @return the population model
   * @throws NullPointerException if {@code covariates} is null
   */
  public static PopulationModel vanHest2005(Presets.VanHestCovariates covariates) {
    Checks.notNull(covariates, "covariates");
    return withoutOccasions(bundled("van-hest-2005").at(Map.of(CRCL, covariates.creatinineClearanceMlPerMin(),
        ALBUMIN, covariates.albuminGPerL(), CYCLOSPORINE, covariates.cyclosporineMgPerDay(), FEMALE,
        covariates.female() ? 1.0 : 0.0)));
  }

  /** A model without its between-occasion variability: every occasion the typical one (kappa 0). */
  private static PopulationModel withoutOccasions(PopulationModel model) {
    return new DelegatingPopulationModel(model, model.distributions(), java.util.Optional.empty(),
        (eta, kappa) -> {
          if (kappa.length != 0) {
            throw new IllegalArgumentException(Checks.invalid("kappa", "0 values (no between-occasion variability)",
                kappa.length));
          }
          return model.individual(eta);
        }, model + " without its between-occasion variability");
  }

  /** van Hest 2005 covariate: Cockcroft-Gault creatinine clearance, mL/min. */
  public static final String CRCL = "creatinineClearanceMlPerMin";
  /** van Hest 2005 covariate: serum albumin, g/L. */
  public static final String ALBUMIN = "albuminGPerL";
  /** van Hest 2005 covariate: ciclosporin dose, mg/day. */
  public static final String CYCLOSPORINE = "cyclosporineMgPerDay";
  /** van Hest 2005 covariate: 1 for a woman, 0 for a man. */
  public static final String FEMALE = "female";
  /** Jiao 2008 covariate: body weight, kg. */
  public static final String WEIGHT = "weightKg";
  /** Riglet 2020 covariate: 1 for the ABCB1 3435C&gt;T (rs1045642) TT genotype, 0 for CC or CT (the reference). */
  public static final String ABCB1_TT = "abcb1Rs1045642TT";

  /**
   * van Hest 2005 without its between-occasion variability (the bundled file without it) as a function of
   * its covariates ({@link #CRCL}, {@link #ALBUMIN},
   * {@link #CYCLOSPORINE}, {@link #FEMALE}).
   *
   * @return the covariate population
   */
  public static CovariatePopulation vanHest2005() {
    CovariatePopulation file = bundled("van-hest-2005");
    return covariatePopulation("van Hest 2005", VAN_HEST_2005_POPULATION, file.covariates(),
        c -> withoutOccasions(file.at(c)));
  }

  /**
   * The population models by name: {@code van-hest-2005}, {@code jiao-2008}, {@code mizaki-2023},
   * {@code zhao-2010}, {@code heida-2024}, {@code riglet-2020} and {@code fromage-2025}.
   */
  public static final List<String> NAMES = List.of("van-hest-2005", "jiao-2008", "mizaki-2023", "zhao-2010",
      "heida-2024", "riglet-2020", "fromage-2025");

  /**
   * The reference covariates of the population models, by covariate name: van Hest 2005's (CLcr 48
   * mL/min, albumin 30 g/L, ciclosporin 450 mg/day, male) and Jiao 2008's median weight (65.5 kg).
   */
  public static final Map<String, Double> REFERENCE_COVARIATES = Map.of(CRCL, 48.0, ALBUMIN, 30.0, CYCLOSPORINE,
      450.0, FEMALE, 0.0, WEIGHT, 65.5);

  /**
   * A population model by name: the bundled model files ({@link #BUNDLED}, read by {@link #bundled}).
   *
   * @param name {@code van-hest-2005}, {@code jiao-2008}, {@code mizaki-2023}, {@code zhao-2010},
   *     {@code heida-2024}, {@code riglet-2020} or {@code fromage-2025}, any case
   * @return the covariate population
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  public static CovariatePopulation named(String name) {
    Checks.notNull(name, "model");
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (BUNDLED.contains(n)) {
      return bundled(n);
    }
    throw new IllegalArgumentException("Unknown population model: '" + name + "' (expected one of " + NAMES + ")");
  }

  /** The population models bundled as model files (resources {@code io/mmf/pk/population/NAME.json}). */
  public static final List<String> BUNDLED = NAMES;

  /**
   * Fromage 2025 covariate: the paper's indication group, 0 renal or hepatic transplantation (the
   * reference), 1 cardiac, pulmonary or haematopoietic-cell transplantation, 2 autoimmune disease.
   */
  public static final String INDICATION_GROUP = "indicationGroup";

  /**
   * Mizaki 2023, adult lupus nephritis (the bundled file {@code mizaki-2023.json}): six transit
   * compartments (mean transit time 0.45 h) into an absorption compartment (ka 2.98 /h), two
   * compartments (CL/F 13.15 L/h, V1/F 22.95 L, Q/F 26.44 L/h, V2/F 336.03 L); CL/F = 13.15 ((CLcr x 60 /
   * 1000) / 6.2)^0.78 ((albumin / 10) / 3.6)^-0.88, with CLcr ({@link #CRCL}, Cockcroft-Gault, mL/min,
   * reference 103.3 = 6.2 L/h) and albumin ({@link #ALBUMIN}, g/L, reference 36); variability on V1
   * (0.563), CL (0.0988) and MTT (0.294); proportional residual error 34.1 %. Dose unit mg MMF.
   *
   * <p>Caveats: 34 Japanese adults (28 women), one steady-state profile each, all on prednisolone (8 on
   * tacrolimus, 22 on a proton-pump inhibitor), concentrations by EIA (cobas), which reads higher than
   * HPLC or LC-MS/MS; no enterohepatic recirculation, so the model over-predicts the trough by about
   * 50 % against the paper's observed medians (C0 1.8 mg/L, AUC0-12 51.1, Cmax 16.7); the variances
   * assume omega^2 = ln(1 + CV^2) from the paper's CV % (nlmixr2lib's reading). Read through the
   * nlmixr2lib transcription (mpa-models.md 3.13), not the paper.
   *
   * @return the covariate population
   */
  public static CovariatePopulation mizaki2023() {
    return bundled("mizaki-2023");
  }

  /**
   * Zhao 2010, children with idiopathic nephrotic syndrome (the bundled file {@code zhao-2010.json}):
   * first-order absorption (ka 5.16 /h) after a lag (0.215 h), two compartments (V1/F 22.3 L, Q/F 18.8
   * L/h, V2/F 250 L, fixed in the paper); CL/F = 22.5 (weight / 23.5)^0.753 (1 - 0.570 albumin / 38.6)
   * L/h, 9.675 L/h at the cohort's medians (weight {@link #WEIGHT} 23.5 kg, albumin {@link #ALBUMIN}
   * 38.6 g/L), written in the file as 9.675 with a linear albumin effect 1 - 0.0343 (albumin - 38.6),
   * the same function; variability on the lag (0.257), V1 (0.472), Q (0.285) and CL (0.0474);
   * proportional residual error 44.6 %. Dose unit mg MMF.
   *
   * <p>Caveats: 23 children aged 2.9 to 14.9 years (14 to 83 kg) with steroid-dependent nephrotic
   * syndrome, all on prednisone and none on a calcineurin inhibitor, so it is not a transplant model;
   * the albumin factor falls to 0 at 67.7 g/L, and the file accepts weight 10 to 90 kg and albumin 20
   * to 60 g/L only (the cohort's ranges, 14-83 kg and 25.6-45.5 g/L, a little widened); no
   * between-occasion variability (the paper could not estimate it); the variances assume omega^2 =
   * ln(1 + CV^2) from the paper's CV %. Read through the nlmixr2lib transcription (mpa-models.md 3.6),
   * not the paper. The paper's median AUC0-12, 48.4 mg*h/L (31.9-73.7), is a Bayesian estimate over its
   * patients at their own doses, not a typical-subject figure.
   *
   * @return the covariate population
   */
  public static CovariatePopulation zhao2010() {
    return bundled("zhao-2010");
  }

  /**
   * Heida 2024, paediatric kidney transplant recipients (the bundled file {@code heida-2024.json}): an
   * Erlang absorption (depot, one transit compartment, both at ktr 1.48 /h), two compartments (CL/F 16.0
   * L/h, Vc/F 24.9 L, Q/F 36.2 L/h, Vp/F 1590 L at 70 kg), allometric weight scaling with fixed exponents
   * (0.75 on CL and Q, 1 on the volumes, -0.25 on ktr; {@link #WEIGHT}, reference 70 kg) and albumin on
   * CL ((albumin / 34)^-2.49; {@link #ALBUMIN}); variability on CL (0.139), Vc (2.42) and Q (0.340);
   * between-occasion variability on the relative bioavailability F (0.193), each day an occasion;
   * proportional residual error 47.3 %. Dose unit mg MMF. F is written as the observed volume Vc / F
   * (a linear model's concentrations scale with F either way, and a relative F may exceed 1, which a
   * dose input's bioavailability may not).
   *
   * <p>Caveats: 30 children aged 4 to 18 years (12.9 to 79.9 kg), 25 on tacrolimus and 5 on everolimus,
   * median 9.5 days after transplantation; the file accepts 10 to 90 kg and albumin 20 to 50 g/L (the
   * cohort had 24 to 42); concentrations by EMIT, which reads 15-35 % above HPLC; Vc's variability is
   * 320 % CV and the terminal half-life about 86 h at 38.5 kg, so the steady state takes weeks; the
   * paper's 10 occasions are its dataset's OCC column, each sampling day here (an assumption). Read
   * through the nlmixr2lib transcription of Table 2 and the control stream (mpa-models.md 3.11).
   *
   * @return the covariate population
   */
  public static CovariatePopulation heida2024() {
    return bundled("heida-2024");
  }

  /**
   * Riglet 2020, adult kidney transplant recipients on tacrolimus (the bundled file {@code riglet-2020.json}):
   * zero-order input (Tk0 1.29 h) into a central compartment of <em>unbound</em> MPA (Vcu/F 1620 L), a
   * peripheral compartment (Qu/F 2040 L/h, Vpu/F 19,400 L) and a PBMC compartment (CLin/F 1200 L/h in,
   * CLout/F 43.8 L/h out, Vcell/F 1980 L), all driven by the unbound concentration; unbound clearance CLu/F
   * 900 L/h; total plasma MPA = (1 + kns) x unbound, a linear binding ratio kns 56.5 (fu 1.7 %), observed as
   * analyte {@code MPA} (the central amount over Vcu / (1 + kns)), the primary analyte that AUC, MAP
   * estimation and target attainment use; unbound MPA ({@code MPAu}) and PBMC MPA ({@code MPApbmc}, mg/L
   * of cell volume at 0.2 pL per cell) are further analytes. Covariates: CLu = 900 (CLcr / 54.81)^0.38 and
   * Vpu = 19,400 (CLcr / 54.81)^-1.03 ({@link #CRCL}, Cockcroft-Gault, not per 1.73 m2), kns = 56.5 (albumin
   * / 37)^1.46 ({@link #ALBUMIN}), CLout x exp(-0.64) for the ABCB1 3435TT genotype ({@link #ABCB1_TT}); at
   * the reference (CLcr 54.81 mL/min, albumin 37 g/L, non-TT) CLt/F = 900 / 57.5 = 15.65 L/h.
   * Variability on Tk0 (0.177), CLu (0.0862), Vpu (0.399), kns (0.0253) and CLout (0.399); between-occasion
   * variability on Tk0 (0.307), CLu (0.0515), Qu (1.206), Vpu (0.583), CLout (0.603) and Vcell (0.103), each
   * day an occasion; proportional residual errors 29 % (total), 28 % (unbound) and 39 % (PBMC). Dose unit
   * mg MPA.
   *
   * <p>Caveats: doses are in mg MPA, so mmf converts an MMF dose x 0.739 (1000 mg MMF = 738.9 mg MPA;
   * nlmixr2lib's reading, the one that puts the typical AUCs within 20 % of the paper's Table 4 medians,
   * where 1000 mg misses six of eight by more than 20 %); albumin is the <em>baseline</em> value (day of
   * transplant), not the current one, and its reference, 37 g/L, was back-solved by nlmixr2lib from the
   * paper's unbound fractions (the paper does not print it); the ABCB1 genotype defaults to CC or CT
   * (non-TT, the reference; 11 of 69 genotyped patients were TT) and moves only PBMC MPA, not plasma MPA;
   * CLcr should be the visit's value; the variances assume omega^2 = ln(1 + CV^2) from the paper's CV %,
   * which matters for Qu's between-occasion CV of 153 %; the paper's occasions are its visits (day 15,
   * months 1, 2 and 6), each sampling day here (an assumption); 78 adults of 21-78 years at one French
   * centre, all on tacrolimus and prednisone, so not a ciclosporin model; the file accepts CLcr 5 to 150
   * mL/min (the cohort had 7.3 to 133.4) and albumin 20 to 50 g/L (the paper's examples span 24.7 to 45.8);
   * the assay is not stated in the transcription read. Read through the nlmixr2lib transcription of Table 3
   * (mpa-models.md 3.4), not the paper.
   *
   * @return the covariate population
   */
  public static CovariatePopulation riglet2020() {
    return bundled("riglet-2020");
  }

  /**
   * Fromage 2025, EC-MPS in many indications (the bundled file {@code fromage-2025.json}; Limoges, the
   * ISBA Bayesian estimator): the published closed form, a double gamma absorption (fraction r = 0.79 by
   * the law of shape a1 = 1280.97 and rate b1 = 418.42 /h, the rest by a2 = 395.34, b2 = 95.69 /h) into
   * one compartment (Vc = 100 / FAIV = 100 / 7.87 = 12.71 L, elimination lambda = 1.81 /h), plus a
   * constant trough C0 = 2.21 mg/L added over the whole interval ({@code offsetMgPerL}). The file keeps
   * nlmixr2lib's form: MTT = a / b (MTT1 3.061 h, MTT2 4.131 h), so the paper's IIV on log b and its
   * indication effect on log b2 sit on log MTT with the sign flipped: b2 x e^0.59 for cardiac,
   * pulmonary or haematopoietic-cell transplantation and x e^-0.17 for autoimmune disease
   * ({@link #INDICATION_GROUP} 1 and 2; 0, renal or hepatic, is the reference). IIV, the paper's SDs
   * squared: MTT1 0.8464, MTT2 0.2704, Vc 0.0144, lambda 0.1936, C0 0.2401; additive residual error
   * 1.38 mg/L. Dose unit mg MPA: an EC-MPS dose as labelled (720 mg EC-MPS is 720 mg MPA, no x 0.936).
   *
   * <p>Caveats: the model describes <b>one steady-state dosing interval only</b>
   * ({@link FittedPopulation#steadyStateIntervalOnly()}): C0 stands for every earlier dose, so it cannot
   * simulate a first dose, a dose change, a missed dose or accumulation, and its AUC is not proportional
   * to dose (Dose / AUC runs from 5.2 L/h at 180 mg to 16.2 L/h at 1440 mg for the typical patient). It is
   * for MAP estimation of a sampled steady-state interval (what ISBA does): it gives no dose advice
   * ({@code MODEL_NOT_FOR_DOSING}), and population simulation refuses it. mmf superposes the earlier
   * doses where the paper evaluates the last one only: for the typical patient the two differ by at most
   * 1.3e-5 mg/L (at the start of the interval), but an individual whose absorption or elimination is slow
   * (MTT1 near the interval, or a small lambda) carries more of the previous dose into the interval than
   * the paper's form. The paper's IOV on b1 (SD 1.08) is not encoded; FAIV's IIV had 83.6 % shrinkage; the
   * autoimmune effect has an RSE of 188 % (kept, as the authors did). 129 patients aged 6 to 80 on EC-MPS
   * only: no MMF input. Read through the nlmixr2lib transcription (mpa-models.md 3.8), not the paper.
   *
   * @return the covariate population
   */
  public static CovariatePopulation fromage2025() {
    return bundled("fromage-2025");
  }

  /**
   * A population model bundled as a model file, read by the loader of {@link #read}.
   *
   * @param name one of {@link #BUNDLED}
   * @return the covariate population
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not one of {@link #BUNDLED}
   */
  public static CovariatePopulation bundled(String name) {
    Checks.notNull(name, "name");
    if (!BUNDLED.contains(name)) {
      throw new IllegalArgumentException(Checks.invalid("bundled model", "one of " + BUNDLED, name));
    }
    String resource = name + ".json";
    try (InputStream in = Populations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled model file " + resource + " is missing from the jar");
      }
      return FilePopulation.of(ModelReader.read(Path.of(resource), in.readAllBytes()));
    } catch (IOException | ModelFileException e) {
      // a bundled file is part of the library: if it does not load, the build is broken, not the input
      throw new IllegalStateException("bundled model file " + resource + " does not load: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a population model file (the format of {@link io.mmf.pk.model.ModelFiles}, with its
   * {@code parameters}, {@code covariates}, {@code variability} and {@code residualError} sections).
   *
   * @param file the JSON file
   * @return the covariate population, its reference covariates those of the file
   * @throws ModelFileException if the file cannot be read or is not a valid population model; the message
   *     names the file, the line and the field
   * @throws NullPointerException if {@code file} is null
   */
  public static CovariatePopulation read(Path file) throws ModelFileException {
    return FilePopulation.of(ModelReader.read(file));
  }

  /**
   * Reads a model file as a population model if it is one (it has a {@code variability} section).
   *
   * @param file the JSON file
   * @return the covariate population, or empty for a model file without variability
   * @throws ModelFileException if the file cannot be read or is not a valid model (or population model)
   * @throws NullPointerException if {@code file} is null
   */
  public static java.util.Optional<CovariatePopulation> readIfPopulation(Path file) throws ModelFileException {
    ModelReader.Parsed parsed = ModelReader.read(file);
    return parsed.randomEffects().isPresent() ? java.util.Optional.of(FilePopulation.of(parsed))
        : java.util.Optional.empty();
  }

  /**
   * A model with another definition of an occasion than its file's (a run's choice: each dose, each
   * day, or a dataset column), the variances unchanged.
   *
   * @param model a model with between-occasion variability
   * @param definition the definition for this run
   * @param column the dataset column for {@link OccasionVariability.Definition#COLUMN} (else ignored)
   * @return the model, its occasions so defined
   * @throws NullPointerException if an argument (the column for a column definition) is null
   * @throws IllegalArgumentException if the model has no between-occasion variability, or the column
   *     is not an identifier
   */
  public static PopulationModel withOccasionDefinition(PopulationModel model, OccasionVariability.Definition definition,
      String column) {
    Checks.notNull(model, "model");
    OccasionVariability o = model.occasions().orElseThrow(() -> new IllegalArgumentException(Checks.invalid("model",
        "a model with between-occasion variability", model.name())));
    java.util.Optional<OccasionVariability> defined = java.util.Optional.of(o.withDefinition(definition, column));
    return new DelegatingPopulationModel(model, model.distributions(), defined, model::individual, model + " with "
        + defined.get());
  }

  /**
   * Jiao 2008 as a function of body weight ({@link #WEIGHT}): the bundled file {@code jiao-2008.json}.
   * MPA and MPAG, a lag, two compartments, gallbladder release 4 h and 10 h after each dose; variability
   * on the lag, ka, Q, CL, Vc, Vp, V(MPAG) and EHCP, with CL(MPAG) on Q's eta times 1.33 (written in the
   * file as (Q / Qtypical)^1.33) and EHCP capped at {@link #MAX_EHCP}; exponential residual error 0.453.
   * Fitted on healthy men after one dose ({@link FittedPopulation#isHealthyVolunteerOrSingleDose()}):
   * for research, never for dosing.
   *
   * @return the covariate population
   */
  public static CovariatePopulation jiao2008() {
    return bundled("jiao-2008");
  }

  private static CovariatePopulation covariatePopulation(String name, FittedPopulation fitted, List<String> names,
      Function<Map<String, Double>, PopulationModel> at) {
    return new CovariatePopulation() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public FittedPopulation fittedOn() {
        return fitted;
      }

      @Override
      public List<String> covariates() {
        return names;
      }

      @Override
      public PopulationModel at(Map<String, Double> covariates) {
        return at.apply(covariates);
      }
    };
  }

  /**
   * Jiao 2008 (MPA + MPAG with gallbladder release) at a body weight: {@link #jiao2008()} there.
   *
   * @param weightKg kg, &gt; 0
   * @return the population model
   * @throws IllegalArgumentException if the weight is not finite and &gt; 0
   */
  public static PopulationModel jiao2008(double weightKg) {
    Checks.positive(weightKg, "weightKg");
    return jiao2008().at(Map.of(WEIGHT, weightKg));
  }

  /**
   * A population model of one's own, of patients at repeated doses.
   *
   * @param name readable name
   * @param source citation
   * @param randomEffects variability
   * @param residualError residual error
   * @param individual makes the individual model from eta (in {@code randomEffects.parameters()} order)
   * @return the population model
   * @throws NullPointerException if an argument is null
   */
  public static PopulationModel of(String name, Source source, RandomEffects randomEffects,
      ResidualError residualError, Function<double[], PkModel> individual) {
    return of(name, source, FittedPopulation.patients("a population not stated by the model"), randomEffects,
        residualError, individual);
  }

  /**
   * A population model of one's own, with the population it was fitted on.
   *
   * @param name readable name
   * @param source citation
   * @param fittedOn whom it was fitted on
   * @param randomEffects variability
   * @param residualError residual error
   * @param individual makes the individual model from eta (in {@code randomEffects.parameters()} order)
   * @return the population model
   * @throws NullPointerException if an argument is null
   */
  public static PopulationModel of(String name, Source source, FittedPopulation fittedOn, RandomEffects randomEffects,
      ResidualError residualError, Function<double[], PkModel> individual) {
    Checks.notNull(fittedOn, "fittedOn");
    Checks.notNull(name, "name");
    Checks.notNull(source, "source");
    Checks.notNull(randomEffects, "randomEffects");
    Checks.notNull(residualError, "residualError");
    Checks.notNull(individual, "individual");
    int n = randomEffects.parameters().size();
    return new PopulationModel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Source source() {
        return source;
      }

      @Override
      public FittedPopulation fittedOn() {
        return fittedOn;
      }

      @Override
      public RandomEffects randomEffects() {
        return randomEffects;
      }

      @Override
      public ResidualError residualError() {
        return residualError;
      }

      @Override
      public PkModel individual(double[] eta) {
        if (eta.length != n) {
          throw new IllegalArgumentException(Checks.invalid("eta", n + " values for " + randomEffects.parameters(),
              eta.length));
        }
        return individual.apply(eta);
      }

      @Override
      public String toString() {
        return "PopulationModel[" + name + ", " + List.copyOf(randomEffects.parameters()) + "]";
      }
    };
  }
}
