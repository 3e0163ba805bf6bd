package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import java.util.List;

/**
 * An arithmetic expression of named parameters, as a model file writes a rate, a volume, a
 * bioavailability or a lag: numbers, parameter names, {@code + - * / ^}, parentheses, the functions
 * {@code exp}, {@code log} (natural) and {@code sqrt}, and {@code min(a, b)} and {@code max(a, b)} (a
 * bound, e.g. Jiao 2008's cap of a fraction below 1). {@code ^} binds tighter than unary minus and is
 * right-associative ({@code -a^2} is {@code -(a^2)}, {@code a^b^c} is {@code a^(b^c)}), as in NONMEM and R.
 *
 * <p>Parsed once, into a tree whose evaluation walks it without allocating; the arithmetic is Java's
 * ({@link Math#pow}, {@link Math#exp}, {@link Math#log}, {@link Math#sqrt}, {@link Math#min},
 * {@link Math#max}), so an expression gives
 * bit for bit what the same formula written in Java gives. Immutable and thread-safe.
 */
public abstract class Expression {
  /** Longest expression text, characters. */
  public static final int MAX_LENGTH = 500;
  /** Deepest nesting of parentheses and operators, so evaluation cannot exhaust the stack. */
  public static final int MAX_DEPTH = 50;

  private final String text;

  private Expression(String text) {
    this.text = text;
  }

  /** A syntax error or an unknown name, with the character position (1-based) where it was found. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String text, int position, String problem) {
      super("Invalid expression '" + text + "' at character " + position + ": " + problem);
    }
  }

  /**
   * Parses an expression.
   *
   * @param text the expression, at most {@value #MAX_LENGTH} characters
   * @param names the parameter names it may use; a name's index in this list is its index in the values
   *     given to {@link #evaluate}
   * @return the expression
   * @throws NullPointerException if an argument is null
   * @throws SyntaxException if the text is not an expression, uses a name not in {@code names}, or is too
   *     long or too deeply nested (the message names the character)
   */
  public static Expression parse(String text, List<String> names) {
    Checks.notNull(text, "expression");
    Checks.notNull(names, "names");
    if (text.length() > MAX_LENGTH) {
      throw new SyntaxException(text.substring(0, 40) + "...", 1, "longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(text, names);
    Expression e = p.sum(0);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "'");
    }
    return e;
  }

  /**
   * A constant.
   *
   * @param value the value
   * @return the expression that is always {@code value}
   */
  public static Expression constant(double value) {
    return new Constant(Double.toString(value), value);
  }

  /**
   * Evaluates the expression.
   *
   * @param values the parameters' values, in the order of the names given to {@link #parse}
   * @return the value (NaN or infinite if the arithmetic is, e.g. {@code log} of a negative number)
   * @throws ArrayIndexOutOfBoundsException if {@code values} is shorter than the names
   */
  public abstract double evaluate(double[] values);

  /**
   * Whether the expression uses no parameter.
   *
   * @return true for a constant expression
   */
  public abstract boolean isConstant();

  /**
   * Returns the text the expression was parsed from.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return text;
  }

  private static final class Constant extends Expression {
    private final double value;

    Constant(String text, double value) {
      super(text);
      this.value = value;
    }

    @Override
    public double evaluate(double[] values) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }

  private static final class Variable extends Expression {
    private final int index;

    Variable(String text, int index) {
      super(text);
      this.index = index;
    }

    @Override
    public double evaluate(double[] values) {
      return values[index];
    }

    @Override
    public boolean isConstant() {
      return false;
    }
  }

  private static final class Unary extends Expression {
    private final char op;
    private final Expression arg;

    Unary(String text, char op, Expression arg) {
      super(text);
      this.op = op;
      this.arg = arg;
    }

    @Override
    public double evaluate(double[] values) {
      double a = arg.evaluate(values);
      return switch (op) {
        case '-' -> -a;
        case 'e' -> Math.exp(a);
        case 'l' -> Math.log(a);
        default -> Math.sqrt(a);
      };
    }

    @Override
    public boolean isConstant() {
      return arg.isConstant();
    }
  }

  private static final class Binary extends Expression {
    private final char op;
    private final Expression left;
    private final Expression right;

    Binary(String text, char op, Expression left, Expression right) {
      super(text);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public double evaluate(double[] values) {
      double a = left.evaluate(values);
      double b = right.evaluate(values);
      return switch (op) {
        case '+' -> a + b;
        case '-' -> a - b;
        case '*' -> a * b;
        case '/' -> a / b;
        case 'm' -> Math.min(a, b);
        case 'M' -> Math.max(a, b);
        default -> Math.pow(a, b);
      };
    }

    @Override
    public boolean isConstant() {
      return left.isConstant() && right.isConstant();
    }
  }

  /**
   * Recursive descent: sum = product (('+'|'-') product)*; product = unary (('*'|'/') unary)*;
   * unary = ('-'|'+') unary | primary ('^' unary)?; primary = number | name | function '(' sum ')' |
   * ('min'|'max') '(' sum ',' sum ')' | '(' sum ')'. Depth counts the constructs that recurse: parentheses, functions, signs and powers.
   */
  private static final class Parser {
    private final String text;
    private final List<String> names;
    private int pos;

    Parser(String text, List<String> names) {
      this.text = text;
      this.names = names;
    }

    SyntaxException error(String problem) {
      return new SyntaxException(text, pos + 1, problem);
    }

    void skipSpace() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private boolean take(char c) {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void depth(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
    }

    Expression sum(int depth) {
      return chain(depth, '+', '-', this::product);
    }

    private Expression product(int depth) {
      return chain(depth, '*', '/', this::unary);
    }

    /** Operands joined by two left-associative operators of one precedence. */
    private Expression chain(int depth, char op1, char op2, java.util.function.IntFunction<Expression> operand) {
      int start = startOf();
      Expression e = operand.apply(depth);
      while (true) {
        char op = take(op1) ? op1 : take(op2) ? op2 : 0;
        if (op == 0) {
          return e;
        }
        Expression right = operand.apply(depth);
        e = new Binary(slice(start), op, e, right);
      }
    }

    private Expression unary(int depth) {
      depth(depth);
      int start = startOf();
      if (take('-')) {
        Expression arg = unary(depth + 1);
        return new Unary(slice(start), '-', arg);
      }
      if (take('+')) {
        return unary(depth + 1);
      }
      Expression base = primary(depth);
      if (take('^')) {
        Expression exponent = unary(depth + 1);
        return new Binary(slice(start), '^', base, exponent);
      }
      return base;
    }

    private Expression primary(int depth) {
      skipSpace();
      int start = pos;
      if (pos >= text.length()) {
        throw error("expected a number, a name or '(' but the expression ends");
      }
      char c = text.charAt(pos);
      if (c == '(') {
        pos++;
        Expression inner = sum(depth + 1);
        if (!take(')')) {
          throw error("expected ')'");
        }
        return inner;
      }
      if (Character.isDigit(c) || c == '.') {
        return number(start);
      }
      if (Character.isLetter(c) || c == '_') {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
        String name = text.substring(start, pos);
        int index = names.indexOf(name);
        if (index >= 0) {
          return new Variable(name, index);
        }
        char f = switch (name) {
          case "exp" -> 'e';
          case "log" -> 'l';
          case "sqrt" -> 's';
          case "min" -> 'm';
          case "max" -> 'M';
          default -> 0;
        };
        if (f == 0) {
          pos = start;
          throw error("unknown name '" + name + "' (expected a parameter " + names + ", exp, log, sqrt, min or"
              + " max)");
        }
        if (!take('(')) {
          throw error("expected '(' after " + name);
        }
        Expression arg = sum(depth + 1);
        if (f == 'm' || f == 'M') {
          if (!take(',')) {
            throw error("expected ',' (" + name + " takes two arguments)");
          }
          Expression second = sum(depth + 1);
          if (!take(')')) {
            throw error("expected ')'");
          }
          return new Binary(text.substring(start, pos), f, arg, second);
        }
        if (!take(')')) {
          throw error("expected ')'");
        }
        return new Unary(text.substring(start, pos), f, arg);
      }
      throw error("unexpected '" + c + "' (expected a number, a name or '(')");
    }

    private Expression number(int start) {
      while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        int mark = pos;
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
          }
        } else {
          pos = mark;
        }
      }
      String s = text.substring(start, pos);
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        pos = start;
        throw error("'" + s + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        pos = start;
        throw error("'" + s + "' is not a finite number");
      }
      return new Constant(s, v);
    }

    private int startOf() {
      skipSpace();
      return pos;
    }

    private String slice(int start) {
      return text.substring(start, Math.min(pos, text.length())).trim();
    }
  }
}
