package dev.switchboard.run.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CalculatorToolTest {

    @Test
    void precedenceAndAssociativity() {
        assertValue("14", "2 + 3 * 4");
        assertValue("20", "(2 + 3) * 4");
        assertValue("1", "10 - 4 - 5");
        assertValue("2", "24 / 4 / 3");
        assertValue("512", "2 ^ 3 ^ 2");
        assertValue("-4", "-2 ^ 2");
        assertValue("4", "(-2) ^ 2");
        assertValue("0.5", "2 ^ -1");
        assertValue("1", "7 % 3");
        assertValue("18", "2 * 3 ^ 2");
        assertValue("5", "--5");
        assertValue("-1", "2 - +3");
        assertValue("2.5", "5 / 2");
        assertValue("0.3", "0.1 + 0.2");
        assertValue("1500", "1.5e3");
        assertValue("0.25", ".25");
    }

    @Test
    void functions() {
        assertValue("4", "sqrt(16)");
        assertValue("3.5", "abs(-3.5)");
        assertValue("-7", "min(3, -7, 2 * 2)");
        assertValue("9", "max(1, sqrt(81), 2)");
        assertValue("3", "round(2.5)");
        assertValue("-2", "round(-2.5)");
        assertValue("12", "SQRT(144)");
        assertValue("10", "max(abs(-10), min(1, 2))");
    }

    @Test
    void errorsAreResultsNotExceptions() {
        assertError("division by zero", "1 / 0");
        assertError("division by zero", "1 / (2 - 2)");
        assertError("modulo by zero", "5 % 0");
        assertError("sqrt of a negative number", "sqrt(-1)");
        assertError("too large", "10 ^ 400");
        assertError("too large", "1e308 * 10");
        assertError("unexpected ')' at position 5", "1 + )");
        assertError("ended", "1 +");
        assertError("ended", "(1 + 2");
        assertError("unexpected ')'", "1 + 2)");
        assertError("unexpected 'x'", "2 x 3");
        assertError("unknown function 'exec'", "exec(1)");
        assertError("unknown function 'system'", "system(\"rm -rf /\")");
        assertError("takes exactly one argument", "sqrt(1, 2)");
        assertError("unexpected '.'", "1..2");
        assertError("empty", "   ");
        assertError("empty", "");
        assertError("unexpected ','", "1, 2");
        assertError("unknown function 'java'", "java.lang.Runtime.getRuntime()");
    }

    @Test
    void hostileInputIsBounded() {
        assertError("longer than 1000", "1+".repeat(500) + "1");
        assertError("nested deeper than 50", "(".repeat(60) + "1" + ")".repeat(60));
        assertError("nested deeper than 50", "-".repeat(200) + "1");
        assertError("nested deeper than 50", "sqrt(".repeat(60) + "1" + ")".repeat(60));
        assertValue("1", "(".repeat(40) + "1" + ")".repeat(40));
        assertValue("500", "1+".repeat(499) + "1");
        assertError("unexpected", "\u0000");
        assertError("unexpected", "1 + \u202e2");
    }

    @Test
    void theToolReadsItsArgumentAndDescribesIt() {
        CalculatorTool tool = new CalculatorTool();
        ObjectMapper json = new ObjectMapper();
        ToolResult result = tool.call(json.createObjectNode().put("expression", "6 * 7"))
                .await()
                .indefinitely();
        assertEquals(ToolResult.ok("42"), result);
        assertTrue(tool.call(json.createObjectNode()).await().indefinitely().error());
        assertTrue(tool.call(json.createObjectNode().put("expression", 42))
                .await()
                .indefinitely()
                .error());
        assertEquals("calculator", tool.name());
        assertEquals("expression", tool.parameters().get("required").get(0).asText());
    }

    private static void assertValue(String expected, String expression) {
        ToolResult result = CalculatorTool.calculate(expression);
        assertFalse(result.error(), expression + " -> " + result.content());
        assertEquals(expected, result.content(), expression);
    }

    private static void assertError(String expectedPart, String expression) {
        ToolResult result = CalculatorTool.calculate(expression);
        assertTrue(result.error(), expression + " should fail but gave " + result.content());
        assertTrue(result.content().contains(expectedPart), expression + " -> " + result.content());
    }
}
