package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every numeric option has a range, checked before any work, with the option, the range and the value in
 * the message (exit 2); the values at the edges of each range are accepted.
 */
class OptionRangesTest {
  private static final String SIM = "simulate --model van-hest-2005 --dose 1000 --doses 2";
  private static final String POP = "population --dose 1000 --subjects 10";
  private static final String EST = "estimate --dose 1000 --sample 1=8";

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("simulate --model van-hest-2005 --dose 1e308", "Invalid value for --dose (expected 0.001 to 100000 mg): 1.0E308"),
        Arguments.of("simulate --model van-hest-2005 --dose 0", "Invalid value for --dose (expected 0.001 to 100000 mg): 0.0"),
        Arguments.of("simulate --model van-hest-2005 --dose NaN", "Invalid value for option '--dose': 'NaN' is not a decimal number"),
        Arguments.of("simulate --model van-hest-2005 --dose 0x1p10", "Invalid value for option '--dose': '0x1p10' is not a decimal number"),
        Arguments.of("simulate --model van-hest-2005 --dose 1000d", "Invalid value for option '--dose': '1000d' is not a decimal number"),
        Arguments.of("simulate --model van-hest-2005 --dose 1e400", "Invalid value for --dose (expected 0.001 to 100000 mg): Infinity"),
        Arguments.of(SIM + " --interval 0.5", "Invalid value for --interval (expected 1 to 168 h): 0.5"),
        Arguments.of(SIM + " --interval 169", "Invalid value for --interval (expected 1 to 168 h): 169.0"),
        Arguments.of(SIM + " --interval Infinity", "Invalid value for option '--interval': 'Infinity' is not a decimal number"),
        Arguments.of("simulate --model van-hest-2005 --dose 1000 --doses 0", "Invalid value for --doses (expected 1 to 10000): 0"),
        Arguments.of("simulate --model van-hest-2005 --dose 1000 --doses 10001", "Invalid value for --doses (expected 1 to 10000): 10001"),
        Arguments.of(SIM + " --grid 0", "Invalid value for --grid (expected 0.001 to 24 h): 0.0"),
        Arguments.of("simulate --model van-hest-2005 --dose 1000 --doses 10000 --grid 0.001", "Invalid value for --grid (expected at most 1000000 curve points"),
        Arguments.of(SIM + " --first-dose-clock 1e308 --meal-times 7,12", "Invalid value for --first-dose-clock (expected >= 0 and < 24 h after midnight): 1.0E308"),
        Arguments.of(SIM + " --first-dose-clock 24", "Invalid value for --first-dose-clock (expected >= 0 and < 24 h after midnight): 24.0"),
        Arguments.of(SIM + " --meal-times 7,25", "Invalid value for --meal-times (expected >= 0 and < 24 h after midnight): 25.0"),
        Arguments.of("simulate --model jiao-2008 --dose 1000 --doses 2 --meal-times 7 --interval 12.71", "Invalid value for --interval (expected, with --meal-times, an interval that fits a whole number of days within 1000 intervals, e.g. 8, 12, 24 or 36 h): 12.71"),
        Arguments.of(SIM + " --meal-times 7,20 --meal-window 5", "Invalid value for --meal-times (expected each meal's --meal-window of 5 h to end by midnight): 20.0"),
        Arguments.of(SIM + " --meal-times 7 --meal-window 0", "Invalid value for --meal-window (expected 0.01 to 12 h): 0.0"),
        Arguments.of(SIM + " --dose-range 1e17:1e17:1", "Invalid value for --dose-range (expected MIN:MAX:STEP in mg with 0.001 <= MIN <= MAX <= 100000"),
        Arguments.of(SIM + " --dose-range 100:200:0", "Invalid value for --dose-range"),
        Arguments.of(SIM + " --dose-range 1:100000:1", "at most 1000 doses): 1:100000:1"),
        Arguments.of(SIM + " --dose-range 100:200:NaN", "Invalid value for --dose-range"),
        Arguments.of(SIM + " --crcl -1", "Invalid value for --crcl (expected 1 to 250 mL/min): -1.0"),
        Arguments.of(SIM + " --albumin 1e308", "Invalid value for --albumin (expected 5 to 80 g/L): 1.0E308"),
        Arguments.of("simulate --model jiao-2008 --dose 1000 --weight 0", "Invalid value for --weight (expected 1 to 300 kg): 0.0"),
        Arguments.of(POP + " --crcl -1", "Invalid value for --crcl (expected 1 to 250 mL/min): -1.0"),
        Arguments.of(POP + " --cyclosporine 0", "Invalid value for --cyclosporine (expected 1 to 2000 mg/day): 0.0"),
        Arguments.of("population --dose 1000,1e308", "Invalid value for --dose (expected 0.001 to 100000 mg): 1.0E308"),
        Arguments.of(POP + " --interval 0.001", "Invalid value for --interval (expected 1 to 168 h): 0.001"),
        Arguments.of(POP + " --threads 0", "Invalid value for --threads (expected 1 to 1024): 0"),
        Arguments.of("population --dose 1000 --subjects 100000001", "Invalid value for --subjects (expected 1 to 100000000): 100000001"),
        Arguments.of(POP + " --covariate creatinineClearanceMlPerMin=fixed:-1", "Invalid value for --covariate creatinineClearanceMlPerMin=fixed:-1 (expected 1 to 250 mL/min): -1.0"),
        Arguments.of(POP + " --covariate albuminGPerL=normal:30:5:0:40", "(min) (expected 5 to 80 g/L): 0.0"),
        Arguments.of(POP + " --covariate albuminGPerL=uniform:10:100", "(max) (expected 5 to 80 g/L): 100.0"),
        Arguments.of(POP + " --covariate albuminGPerL=lognormal:30:5", "(expected a CV of at most 2): 5.0"),
        Arguments.of(POP + " --covariate albuminGPerL=bernoulli:0.5", "expected bernoulli only for a 0/1 covariate"),
        Arguments.of(POP + " --covariate albuminGPerL=normal:NaN:1", "Invalid value for --covariate albuminGPerL=normal:NaN:1"),
        Arguments.of("estimate --dose 1e308 --sample 1=8", "Invalid value for --dose (expected 0.001 to 100000 mg): 1.0E308"),
        Arguments.of(EST + " --doses 0", "Invalid value for --doses (expected 1 to 10000): 0"),
        Arguments.of(EST + " --draws 10", "Invalid value for --draws (expected 100 to 1000000): 10"),
        Arguments.of(EST + " --first-dose-clock -1", "Invalid value for --first-dose-clock"),
        Arguments.of(EST + " --crcl 1e308", "Invalid value for --crcl (expected 1 to 250 mL/min): 1.0E308"),
        Arguments.of("estimate --dose 1000 --sample 1e308=8", "Invalid value for hours after the last dose (expected at most 168 h): 1.0E308"),
        Arguments.of("estimate --dose 1000 --sample 1=1e308", "Invalid value for the level (expected at most 1000 mg/L): 1.0E308"),
        Arguments.of("estimate --dose 1000 --sample 1=NaN", "the level is not a number in mg/L or <LIMIT: 'NaN'"),
        Arguments.of("nca --input x.csv --loq -1", "Invalid value for --loq (expected finite and >= 0 mg/L): -1.0"),
        Arguments.of("nca --input x.csv --lambda-points 2", "Invalid value for --lambda-points (expected 0 for automatic, or 3 to 1000000): 2"),
        Arguments.of("nca --input x.csv --interval 12,0", "Invalid value for --interval (expected FROM,TO in h with 0 <= FROM < TO, finite): [12.0, 0.0]"),
        Arguments.of("nca --input x.csv --interval 0,Infinity", "Invalid value for option '--interval' (FROM,TO): 'Infinity' is not a decimal number"),
        Arguments.of("schedule --start 2026-01-01 --months 601", "Invalid value for --months (expected 1 to 600): 601"),
        Arguments.of("schedule --start +999999999-01-01", "Invalid value for --start (expected a date from 1900-01-01 to 2199-12-31): +999999999-01-01"),
        Arguments.of("schedule --start 1000-01-01", "Invalid value for --start (expected a date from 1900-01-01 to 2199-12-31): 1000-01-01"),
        Arguments.of("schedule --start 2026-01-01 --maintenance-months 7", "maintenance"),
        Arguments.of("check --condition DM --dose 1e308 --age 50", "Invalid value for --dose (expected 0.001 to 100000 mg): 1.0E308"),
        Arguments.of("check --condition DM --dose 1000 --age -1", "Invalid value for --age (expected 0 to 130 years): -1.0"),
        Arguments.of("check --condition DM --dose 1000 --age 50 --gfr 300", "Invalid value for --gfr (expected 0 to 250 mL/min/1.73 m2): 300.0"),
        Arguments.of("check --condition DM --dose 1000 --age 50 --bsa 5", "Invalid value for --bsa (expected 0.1 to 4 m2): 5.0"),
        Arguments.of("check --condition DM --dose 1000 --age 50 --weight 0 --height 170", "Invalid value for --weight (expected > 0 and <= 400 kg): 0.0"),
        Arguments.of("check --condition DM --dose 1000 --age 50 --weight 70 --height 1e308", "Invalid value for --height (expected > 0 and <= 250 cm): 1.0E308"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void outOfRangeValuesAreRefusedBeforeAnyWork(String args, String expected) {
    CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliTest.run(args.split(" ")));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(expected), "'" + expected + "' in: " + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals("", r.out(), "nothing printed: refused before any work");
  }

  static Stream<String> edges() {
    return Stream.of("simulate --model van-hest-2005 --dose 100000 --doses 1 --interval 168 --grid 24",
        "simulate --model van-hest-2005 --dose 0.001 --doses 1 --interval 1 --grid 0.001 --dose-range 0.001:0.002:0.001",
        "simulate --model jiao-2008 --dose 1000 --doses 1 --weight 300 --meal-times 0,11 --meal-window 12"
            + " --first-dose-clock 23.99",
        "simulate --model van-hest-2005 --dose 1000 --doses 1 --crcl 1 --albumin 80 --cyclosporine 2000",
        "simulate --model van-hest-2005 --dose 1000 --doses 1 --dose-range 100000:100000:1",
        "population --dose 100000 --subjects 1 --crcl 250 --albumin 5 --cyclosporine 1 --threads 1",
        "schedule --start 2199-12-31 --months 1", "schedule --start 1900-01-01 --months 600");
  }

  @ParameterizedTest
  @MethodSource("edges")
  void theEdgesOfEachRangeAreAccepted(String args) {
    CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliTest.run(args.split(" ")));
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
  }

  @Test
  void aDoseRangeAlwaysEnds() {
    assertEquals(1, SimulateCommand.rangeDoses(SimulateCommand.parseRange("100000:100000:1")).length);
    assertEquals(7, SimulateCommand.rangeDoses(SimulateCommand.parseRange("250:1750:250")).length);
    // 0.1 does not add up exactly: the count, not the sum, decides the last dose
    double[] d = SimulateCommand.rangeDoses(SimulateCommand.parseRange("0.1:1:0.1"));
    assertEquals(10, d.length);
    assertEquals(1.0, d[9], 1e-12);
  }
}
