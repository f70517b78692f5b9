package dev.switchboard.run.provider;

/** One message of the conversation the model sees. */
public record ChatTurn(String role, String content) {
}
