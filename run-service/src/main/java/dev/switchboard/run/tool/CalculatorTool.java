package dev.switchboard.run.tool;

import io.smallrye.mutiny.Uni;

/** The built-in {@code calculator}: evaluates an arithmetic expression with {@link ArithmeticEvaluator}. */
public final class CalculatorTool extends OneArgumentTool {

    public static final String NAME = "calculator";

    public CalculatorTool() {
        super(
                NAME,
                "Evaluates an arithmetic expression, e.g. (2 + 3) * 4 ^ 2 or max(1, sqrt(16)), and returns its value.",
                "expression",
                "an arithmetic expression: numbers, + - * / % ^, parentheses, sqrt, abs, min, max, round",
                true);
    }

    @Override
    Uni<ToolResult> callWith(String expression) {
        return Uni.createFrom().item(() -> calculate(expression));
    }

    /** The expression's value, or an error result saying why there is none. */
    public static ToolResult calculate(String expression) {
        if (expression == null) {
            return ToolResult.error("the argument 'expression' (a string) is required");
        }
        try {
            return ToolResult.ok(ArithmeticEvaluator.format(ArithmeticEvaluator.evaluate(expression)));
        } catch (CalculationException e) {
            return ToolResult.error(e.getMessage());
        }
    }
}
