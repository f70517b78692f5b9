package dev.switchboard.run.provider;

/** The model's answer and its token usage (estimated when the provider does not report it). */
public record ModelReply(String content, int inputTokens, int outputTokens) {
}
