package io.mmf.pk.tdm;

import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.population.OccasionVariability;
import io.mmf.pk.population.PopulationModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * Which between-occasion random effects one MAP estimate has: the kappas of every occasion that holds a
 * sample (those of variance &gt; 0), after the subject's eta in the estimated vector theta; occasions
 * without a sample keep kappa at its prior mean, 0. Immutable.
 */
final class OccasionPlan {
  final OccasionVariability variability;
  final OccasionVariability.Labelled labelled;
  /** The sampled occasions' numbers, in time order. */
  final double[] sampled;
  /** The indices of the kappas with a variance &gt; 0. */
  final int[] free;
  /** Their SDs. */
  final double[] sd;
  /** The inverse of their covariance block. */
  final double[][] inverse;
  /** Number of subject random effects before the kappas in theta. */
  final int etas;

  private OccasionPlan(OccasionVariability variability, OccasionVariability.Labelled labelled, double[] sampled,
      int[] free, int etas) {
    this.variability = variability;
    this.labelled = labelled;
    this.sampled = sampled;
    this.free = free;
    this.etas = etas;
    int f = free.length;
    sd = new double[f];
    double[][] block = new double[f][f];
    for (int i = 0; i < f; i++) {
      sd[i] = Math.sqrt(variability.omega(free[i], free[i]));
      for (int j = 0; j < f; j++) {
        block[i][j] = variability.omega(free[i], free[j]);
      }
    }
    inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(block, false)).getSolver().getInverse().getData();
  }

  /**
   * The plan of a model over a history and its samples, or empty when the model has no
   * between-occasion variability (or only variances of 0): the estimate is then exactly the one without it.
   */
  static Optional<OccasionPlan> of(PopulationModel population, DoseRecords history, List<Sample> samples) {
    Optional<OccasionVariability> o = population.occasions().filter(v -> !v.isZero());
    if (o.isEmpty()) {
      return Optional.empty();
    }
    OccasionVariability v = o.get();
    OccasionVariability.Labelled labelled = v.label(history, samples.get(samples.size() - 1).timeHours());
    LinkedHashSet<Double> sampled = new LinkedHashSet<>();
    for (Sample s : samples) {
      sampled.add(labelled.occasionBefore(s.timeHours()));
    }
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < v.parameters().size(); i++) {
      if (v.omega(i, i) > 0) {
        free.add(i);
      }
    }
    return Optional.of(new OccasionPlan(v, labelled, sampled.stream().mapToDouble(Double::doubleValue).toArray(),
        free.stream().mapToInt(Integer::intValue).toArray(), population.randomEffects().parameters().size()));
  }

  /** How many kappas theta holds after eta. */
  int size() {
    return sampled.length * free.length;
  }

  /** The SD of each kappa in theta's order. */
  double[] kappaSd() {
    double[] out = new double[size()];
    for (int o = 0; o < sampled.length; o++) {
      System.arraycopy(sd, 0, out, o * free.length, free.length);
    }
    return out;
  }

  /** The names of theta's kappas: {@code kappa(CL) occasion 6}. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    for (double o : sampled) {
      for (int i : free) {
        out.add(String.format(Locale.ROOT, "kappa(%s) occasion %s", variability.parameters().get(i), number(o)));
      }
    }
    return out;
  }

  static String number(double occasion) {
    return occasion == Math.rint(occasion) ? String.valueOf((long) occasion) : String.valueOf(occasion);
  }

  /** 1/2 kappa' Pi^-1 kappa summed over the sampled occasions, kappas at {@code theta[etas...]}. */
  double prior(double[] theta) {
    int f = free.length;
    double s = 0;
    for (int o = 0; o < sampled.length; o++) {
      int base = etas + o * f;
      for (int i = 0; i < f; i++) {
        double row = 0;
        for (int j = 0; j < f; j++) {
          row += inverse[i][j] * theta[base + j];
        }
        s += theta[base + i] * row;
      }
    }
    return 0.5 * s;
  }

  /** The full kappa (every parameter of the variability) of sampled occasion {@code o}. */
  double[] kappa(double[] theta, int o) {
    double[] k = new double[variability.parameters().size()];
    for (int i = 0; i < free.length; i++) {
      k[free[i]] = theta[etas + o * free.length + i];
    }
    return k;
  }

  /** The kappa of the last sampled occasion. */
  double[] lastKappa(double[] theta) {
    return kappa(theta, sampled.length - 1);
  }

  /**
   * The individual over the labelled history: eta from theta, each sampled occasion's kappa from theta,
   * other occasions at kappa 0. Every occasion's model is built here, so a parameter outside the model's
   * valid range is refused at once ({@link IllegalArgumentException}), not while solving.
   */
  CovariateModel model(PopulationModel population, double[] theta) {
    double[] eta = Arrays.copyOf(theta, etas);
    Map<Double, PkModel> byOccasion = new HashMap<>();
    for (int o = 0; o < sampled.length; o++) {
      byOccasion.put(sampled[o], population.individual(eta, kappa(theta, o)));
    }
    String key = labelled.key();
    // one model for every occasion without a sample, so the solver sees no change between them
    PkModel unsampled = population.individual(eta, new double[variability.parameters().size()]);
    return covariates -> {
      Double label = covariates.get(key);
      return byOccasion.getOrDefault(label == null ? 0.0 : label + 0.0, unsampled);
    };
  }
}
