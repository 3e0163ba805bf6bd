package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mmf.pk.PropertyBudget;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ExpressionTest {
  private static final List<String> NAMES = List.of("CL", "V1", "Q", "V2", "ka");

  private static double eval(String text, double... values) {
    return Expression.parse(text, NAMES).evaluate(values);
  }

  @Test
  void precedenceAndAssociativityAreThoseOfNonmemAndR() {
    double[] v = {2, 3, 5, 7, 11};
    assertEquals(2 + 3 * 5.0, eval("CL + V1 * Q", v));
    assertEquals((2 + 3) * 5.0, eval("(CL + V1) * Q", v));
    assertEquals(2 - 3 - 5.0, eval("CL - V1 - Q", v));
    assertEquals(2 / 3.0 / 5.0, eval("CL / V1 / Q", v));
    assertEquals(-Math.pow(2, 2), eval("-CL^2", v));
    assertEquals(Math.pow(2, Math.pow(3, 2)), eval("CL^V1^2", v));
    assertEquals(Math.pow(2, -1), eval("CL^-1", v));
    assertEquals(Math.exp(Math.log(2) + 0.5 * Math.sqrt(3)), eval("exp(log(CL) + 0.5 * sqrt(V1))", v));
    assertEquals(1.5e-3 * 11, eval("1.5e-3*ka", v));
    assertEquals(2 * Math.E, eval("2 * exp(1)", v));
    // min and max of two arguments, each a whole sum: Jiao 2008's cap of EHCP below 1
    assertEquals(0.999, eval("min(0.999, CL * V1)", v));
    assertEquals(6.0, eval("min(0.999 + 10, CL * V1)", v));
    assertEquals(11 - 5.0, eval("max(CL - V1, ka - Q)", v));
    assertEquals(2 * 3 + Math.min(5, 7) * 2, eval("CL * V1 + min(Q, V2) * CL", v));
    assertTrue(Expression.parse("2 * (3 + 1)", NAMES).isConstant());
    assertFalse(Expression.parse("2 * ka", NAMES).isConstant());
    assertEquals("CL / V1", Expression.parse("CL / V1", NAMES).toString());
  }

  @Test
  void unknownNamesAndBadSyntaxAreRefusedWithTheCharacter() {
    Expression.SyntaxException e = assertThrows(Expression.SyntaxException.class,
        () -> Expression.parse("CL / Vc", NAMES));
    assertTrue(e.getMessage().contains("at character 6") && e.getMessage().contains("unknown name 'Vc'"),
        e.getMessage());
    for (String bad : List.of("", "CL +", "(CL", "CL)", "CL ** 2", "2..5", "exp CL", "pow(CL, 2)", "CL V1", "1e999",
        "CL # 2", "min(CL)", "max(CL, V1, Q)", "min CL", "min(CL,)", "exp(CL, V1)")) {
      assertThrows(Expression.SyntaxException.class, () -> Expression.parse(bad, NAMES), bad);
    }
    String deep = "(".repeat(60) + "CL" + ")".repeat(60);
    assertTrue(assertThrows(Expression.SyntaxException.class, () -> Expression.parse(deep, NAMES)).getMessage()
        .contains("nested deeper"));
    assertThrows(Expression.SyntaxException.class, () -> Expression.parse("CL+".repeat(200) + "CL", NAMES));
  }

  /** A random formula as text, with the same formula as Java arithmetic. */
  private record Formula(String text, ToDoubleFunction<double[]> java) {}

  private static Formula random(SplittableRandom r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      if (r.nextBoolean()) {
        int i = r.nextInt(NAMES.size());
        return new Formula(NAMES.get(i), v -> v[i]);
      }
      double c = Math.round(r.nextDouble(0, 100) * 1000) / 1000.0;
      return new Formula(Double.toString(c), v -> c);
    }
    Formula a = random(r, depth - 1);
    Formula b = random(r, depth - 1);
    return switch (r.nextInt(11)) {
      case 0 -> new Formula("(" + a.text + " + " + b.text + ")", v -> a.java.applyAsDouble(v) + b.java.applyAsDouble(v));
      case 1 -> new Formula("(" + a.text + " - " + b.text + ")", v -> a.java.applyAsDouble(v) - b.java.applyAsDouble(v));
      case 2 -> new Formula("(" + a.text + ") * (" + b.text + ")",
          v -> a.java.applyAsDouble(v) * b.java.applyAsDouble(v));
      case 3 -> new Formula("(" + a.text + ") / (" + b.text + ")",
          v -> a.java.applyAsDouble(v) / b.java.applyAsDouble(v));
      case 4 -> new Formula("(" + a.text + ")^(" + b.text + ")",
          v -> Math.pow(a.java.applyAsDouble(v), b.java.applyAsDouble(v)));
      case 5 -> new Formula("exp(" + a.text + " / 100)", v -> Math.exp(a.java.applyAsDouble(v) / 100));
      case 6 -> new Formula("log(" + a.text + ")", v -> Math.log(a.java.applyAsDouble(v)));
      case 7 -> new Formula("sqrt(" + a.text + ")", v -> Math.sqrt(a.java.applyAsDouble(v)));
      case 8 -> new Formula("min(" + a.text + ", " + b.text + ")",
          v -> Math.min(a.java.applyAsDouble(v), b.java.applyAsDouble(v)));
      case 9 -> new Formula("max(" + a.text + "," + b.text + ")",
          v -> Math.max(a.java.applyAsDouble(v), b.java.applyAsDouble(v)));
      default -> new Formula("-" + a.text, v -> -a.java.applyAsDouble(v));
    };
  }

  @Test
  void anExpressionIsTheSameArithmeticAsJava() {
    // Random formulas over random parameter values: the parsed expression gives the bits Java gives
    // (NaN where Java gives NaN), for the operators and the functions alike.
    qt().withFixedSeed(17).withExamples(PropertyBudget.examples(2000)).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Formula f = random(r, 5);
      Expression e = Expression.parse(f.text, NAMES);
      for (int k = 0; k < 5; k++) {
        double[] v = new double[NAMES.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = r.nextDouble(0.001, 500);
        }
        double expected = f.java.applyAsDouble(v);
        double actual = e.evaluate(v);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), f.text + " at "
            + java.util.Arrays.toString(v) + ": " + expected + " vs " + actual);
      }
    });
  }
}
