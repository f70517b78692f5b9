package dev.switchboard.run.provider;

/**
 * A model provider refused or could not be reached: which provider, the {@link Kind} of failure, the HTTP status
 * it answered (0 when it answered none) and its own message. {@link #retriable()} is true for timeouts, broken
 * connections, 429 and 5xx.
 * <p>
 * {@link #getMessage()} is a summary clients may see ({@code model provider openai refused the request (HTTP 401:
 * authentication failed); check the provider's API key}): never the provider's own text or an I/O exception's,
 * which may name internal hosts and addresses. {@link #detail()} adds those, for the logs.
 */
public class ProviderException extends RuntimeException {

    /** What went wrong, as far as a client needs to know. */
    public enum Kind {
        /** The provider answered an HTTP error status. */
        ANSWERED_ERROR,
        /** No answer within the read timeout. */
        TIMED_OUT,
        /** No connection, or it broke. */
        UNREACHABLE,
        /** Anything else: an answer that could not be read, an error of the client library. */
        FAILED
    }

    private final String provider;
    private final Kind kind;
    private final int status;
    private final String providerMessage;
    private final boolean retriable;
    private final int retries;

    private ProviderException(
            String provider,
            Kind kind,
            int status,
            String providerMessage,
            boolean retriable,
            int retries,
            Throwable cause) {
        super(ProviderErrorSummary.of(provider, kind, status, retries), cause);
        this.provider = provider;
        this.kind = kind;
        this.status = status;
        this.providerMessage = providerMessage;
        this.retriable = retriable;
        this.retries = retries;
    }

    /** The provider answered HTTP {@code status}; its message is kept for the logs. */
    public static ProviderException answered(String provider, int status, String providerMessage, Throwable cause) {
        return new ProviderException(
                provider, Kind.ANSWERED_ERROR, status, providerMessage, status == 429 || status >= 500, 0, cause);
    }

    static ProviderException timedOut(String provider, Throwable cause) {
        return new ProviderException(provider, Kind.TIMED_OUT, 0, "timed out", true, 0, cause);
    }

    static ProviderException unreachable(String provider, String ioMessage, Throwable cause) {
        return new ProviderException(provider, Kind.UNREACHABLE, 0, ioMessage, true, 0, cause);
    }

    static ProviderException failed(String provider, String message, boolean retriable, Throwable cause) {
        return new ProviderException(provider, Kind.FAILED, 0, message, retriable, 0, cause);
    }

    /** The same failure, saying that it persisted through the retries (once Mutiny exhausted them). */
    ProviderException afterRetries(int retries) {
        return new ProviderException(provider, kind, status, providerMessage, false, retries, this);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** What the provider (or the I/O layer) said: for the logs only, never for a client. */
    public String providerMessage() {
        return providerMessage;
    }

    public boolean retriable() {
        return retriable;
    }

    /** The summary with the provider's own message, for a log line. */
    public String detail() {
        return providerMessage == null || providerMessage.isBlank()
                ? getMessage()
                : getMessage() + " [provider said: " + providerMessage + "]";
    }
}
