package dev.switchboard.run.tool;

/** An expression the calculator cannot evaluate; its message is meant for the model. */
public class CalculationException extends RuntimeException {

    public CalculationException(String message) {
        super(message, null, false, false);
    }
}
