package dev.switchboard.run.tool;

/** Reads an arithmetic expression for {@link ArithmeticEvaluator}: spaces, symbols, names and numbers. */
final class ExpressionScanner {

    private final String input;
    private int pos;

    ExpressionScanner(String input) {
        this.input = input;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= input.length();
    }

    boolean atLetter() {
        return pos < input.length() && Character.isLetter(input.charAt(pos));
    }

    /** The letters from here on (a function name). */
    String name() {
        int start = pos;
        while (atLetter()) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /** A decimal number, with an optional fraction and exponent: {@code 12}, {@code 1.5}, {@code .5}, {@code 2e-3}. */
    double number() {
        int start = pos;
        skipDigits();
        if (pos < input.length() && input.charAt(pos) == '.') {
            pos++;
            skipDigits();
        }
        if (pos - start == 0 || input.substring(start, pos).equals(".")) {
            pos = start;
            throw unexpected();
        }
        if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            skipDigits();
            if (pos == digits) {
                pos = mark;
            }
        }
        return Double.parseDouble(input.substring(start, pos));
    }

    private void skipDigits() {
        while (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
            pos++;
        }
    }

    boolean accept(char c) {
        skipSpaces();
        if (pos < input.length() && input.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!accept(c)) {
            throw pos >= input.length()
                    ? new CalculationException("expected '" + c + "' but the expression ended")
                    : unexpected();
        }
    }

    void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    CalculationException unexpected() {
        if (pos >= input.length()) {
            return new CalculationException("the expression ended unexpectedly");
        }
        return new CalculationException("unexpected '" + input.charAt(pos) + "' at position " + (pos + 1));
    }
}
