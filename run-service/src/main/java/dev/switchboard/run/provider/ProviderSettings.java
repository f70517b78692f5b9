package dev.switchboard.run.provider;

import java.time.Duration;

/**
 * How a real provider is called: connect and read timeouts, the retries of a call that failed before it
 * streamed anything (the first pause {@code retryBackoff}, doubling up to {@code maxRetryBackoff}), and the
 * answer's token limit.
 */
public record ProviderSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        int maxOutputTokens) {}
