package dev.switchboard.run.tool;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A safe arithmetic evaluator: numbers, {@code + - * / % ^}, parentheses, unary minus and the functions
 * {@code sqrt abs min max round}. A recursive-descent parser over the characters; no scripting engine and no
 * reflection. Input length and nesting are bounded; every failure is a {@link CalculationException}.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/' | '%') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?          (right-associative: 2^3^2 = 2^9; -2^2 = -4)
 * primary    := number | '(' expression ')' | name '(' expression (',' expression)* ')'
 * </pre>
 */
public final class ArithmeticEvaluator {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 50;

    private static final MathContext SIGNIFICANT = new MathContext(15);

    private final ExpressionScanner in;
    private int depth;

    private ArithmeticEvaluator(String input) {
        this.in = new ExpressionScanner(input);
    }

    /** The value of {@code expression}; never NaN or infinite. */
    public static double evaluate(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new CalculationException("the expression is empty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new CalculationException("the expression is longer than " + MAX_LENGTH + " characters");
        }
        ArithmeticEvaluator parser = new ArithmeticEvaluator(expression);
        double value = parser.expression();
        parser.in.skipSpaces();
        if (!parser.in.atEnd()) {
            throw parser.in.unexpected();
        }
        return finite(value);
    }

    /** A value as the calculator answers it: integral values without a fraction, others in plain notation. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e15) {
            return BigDecimal.valueOf(value)
                    .round(SIGNIFICANT)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return Double.toString(value);
    }

    private double expression() {
        enter();
        double value = term();
        while (true) {
            if (in.accept('+')) {
                value = finite(value + term());
            } else if (in.accept('-')) {
                value = finite(value - term());
            } else {
                leave();
                return value;
            }
        }
    }

    private double term() {
        double value = unary();
        while (true) {
            if (in.accept('*')) {
                value = finite(value * unary());
            } else if (in.accept('/')) {
                double divisor = unary();
                if (divisor == 0) {
                    throw new CalculationException("division by zero");
                }
                value = finite(value / divisor);
            } else if (in.accept('%')) {
                double divisor = unary();
                if (divisor == 0) {
                    throw new CalculationException("modulo by zero");
                }
                value = finite(value % divisor);
            } else {
                return value;
            }
        }
    }

    private double unary() {
        if (in.accept('-')) {
            enter();
            double value = -unary();
            leave();
            return value;
        }
        if (in.accept('+')) {
            enter();
            double value = unary();
            leave();
            return value;
        }
        return power();
    }

    private double power() {
        double base = primary();
        if (in.accept('^')) {
            return finite(Math.pow(base, unary()));
        }
        return base;
    }

    private double primary() {
        in.skipSpaces();
        if (in.accept('(')) {
            double value = expression();
            in.expect(')');
            return value;
        }
        if (in.atLetter()) {
            return function();
        }
        return finite(in.number());
    }

    private double function() {
        int start = in.position();
        String name = in.name().toLowerCase(Locale.ROOT);
        if (!List.of("sqrt", "abs", "min", "max", "round").contains(name)) {
            throw new CalculationException("unknown function '" + name + "' at position " + (start + 1)
                    + " (known: sqrt, abs, min, max, round)");
        }
        in.expect('(');
        List<Double> args = new ArrayList<>();
        args.add(expression());
        while (in.accept(',')) {
            if (args.size() >= 100) {
                throw new CalculationException(name + " takes at most 100 arguments");
            }
            args.add(expression());
        }
        in.expect(')');
        return Functions.apply(name, args);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new CalculationException("the expression is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void leave() {
        depth--;
    }

    static double finite(double value) {
        if (Double.isNaN(value)) {
            throw new CalculationException("the result is not a number");
        }
        if (Double.isInfinite(value)) {
            throw new CalculationException("the result is too large");
        }
        return value;
    }
}
