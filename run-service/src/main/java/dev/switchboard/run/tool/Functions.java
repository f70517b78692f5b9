package dev.switchboard.run.tool;

import java.util.List;

/** The calculator's functions. */
final class Functions {

    private Functions() {}

    static double apply(String name, List<Double> args) {
        return switch (name) {
            case "sqrt" -> {
                double x = one(name, args);
                if (x < 0) {
                    throw new CalculationException("sqrt of a negative number");
                }
                yield Math.sqrt(x);
            }
            case "abs" -> Math.abs(one(name, args));
            case "round" -> ArithmeticEvaluator.finite(Math.round(one(name, args)));
            case "min" -> args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "max" -> args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            default -> throw new CalculationException("unknown function '" + name + "'");
        };
    }

    private static double one(String name, List<Double> args) {
        if (args.size() != 1) {
            throw new CalculationException(name + " takes exactly one argument");
        }
        return args.get(0);
    }
}
