package dev.switchboard.run.provider;

/**
 * A model provider refused or could not be reached: which provider, the HTTP status it answered (0 when it
 * answered none: a timeout or a broken connection) and its own message. {@link #retriable()} is true for
 * timeouts, broken connections, 429 and 5xx.
 */
public class ProviderException extends RuntimeException {

    private final String provider;
    private final int status;
    private final String providerMessage;
    private final boolean retriable;

    public ProviderException(String provider, int status, String providerMessage, boolean retriable, Throwable cause) {
        this(describe(provider, status, providerMessage), provider, status, providerMessage, retriable, cause);
    }

    private ProviderException(String message, String provider, int status, String providerMessage, boolean retriable,
            Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.status = status;
        this.providerMessage = providerMessage;
        this.retriable = retriable;
    }

    private static String describe(String provider, int status, String message) {
        String answer = status > 0 ? "answered HTTP " + status : "could not be reached";
        String detail = message == null || message.isBlank() ? "" : ": " + message;
        return "model provider " + provider + " " + answer + detail;
    }

    /** The same failure, saying that it persisted through the retries (once Mutiny exhausted them). */
    ProviderException afterRetries(int retries) {
        return new ProviderException(getMessage() + " (still failing after " + retries + " retries)", provider, status,
                providerMessage, false, this);
    }

    public String provider() {
        return provider;
    }

    public int status() {
        return status;
    }

    public String providerMessage() {
        return providerMessage;
    }

    public boolean retriable() {
        return retriable;
    }
}
