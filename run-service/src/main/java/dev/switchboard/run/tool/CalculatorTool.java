package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/** The built-in {@code calculator}: evaluates an arithmetic expression with {@link ArithmeticEvaluator}. */
public final class CalculatorTool implements Tool {

    public static final String NAME = "calculator";
    private static final JsonNode PARAMETERS = Schemas.oneString(
            "expression",
            "an arithmetic expression: numbers, + - * / % ^, parentheses, sqrt, abs, min, max, round",
            true);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Evaluates an arithmetic expression, e.g. (2 + 3) * 4 ^ 2 or max(1, sqrt(16)), and returns its value.";
    }

    @Override
    public JsonNode parameters() {
        return PARAMETERS;
    }

    @Override
    public Uni<ToolResult> call(JsonNode arguments) {
        return Uni.createFrom().item(() -> calculate(Schemas.text(arguments, "expression")));
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
