package dev.switchboard.thread.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /internal/threads/with-message}: a new thread with the agent and its first user message,
 * with the caller's files attached (seed 002).
 */
public record StartThreadRequest(
        @NotNull(message = "agentId is required") UUID agentId,

        @NotNull(message = "agentNumericId is required") @Positive(message = "agentNumericId must be positive")
        Long agentNumericId,

        @NotNull(message = "content is required")
        @Size(min = 1, max = 100_000, message = "content must be 1-100000 characters")
        String content,

        List<String> fileIds,

        @Size(max = 255, message = "clientExternalRef must be at most 255 characters")
        String clientExternalRef,

        @Size(min = 1, max = 255, message = "attributedUserId must be 1-255 characters")
        String attributedUserId,

        @Pattern(regexp = "[a-z][a-z0-9_]{0,31}", message = "source must be a lower-case word of at most 32 characters")
        String source) {

    public List<String> fileIdsOrEmpty() {
        return fileIds == null ? List.of() : fileIds;
    }
}
