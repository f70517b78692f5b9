package dev.switchboard.run;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The life of a run; {@link #value()} is the stored and published form. */
public enum RunStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String value() {
        return value;
    }

    public static RunStatus of(String value) {
        for (RunStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown run status " + value);
    }

    /** Stores the status as its lower-case value. */
    @Converter
    public static class Column implements AttributeConverter<RunStatus, String> {

        @Override
        public String convertToDatabaseColumn(RunStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public RunStatus convertToEntityAttribute(String value) {
            return value == null ? null : RunStatus.of(value);
        }
    }
}
