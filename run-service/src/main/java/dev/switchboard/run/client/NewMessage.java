package dev.switchboard.run.client;

import java.util.UUID;

/** A message to append; {@code id} is the idempotency key, so sending it again changes nothing. */
public record NewMessage(UUID id, String role, String content, UUID runId) {
}
