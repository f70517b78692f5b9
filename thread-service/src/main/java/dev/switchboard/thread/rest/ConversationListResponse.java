package dev.switchboard.thread.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Seed 001's answer, field for field (camelCase; {@code nextPageToken} null on the last page). */
public record ConversationListResponse(
        List<Item> conversations,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextPageToken,
        long totalCount,
        int page,
        int pageSize) {

    /** {@code toolsUsed} is present only when the caller asked for it ({@code includeTools=true}). */
    public record Item(
            String threadId,
            long skillId,
            String firstMessage,
            String title,
            int messageCount,
            Instant createdAt,
            Instant updatedAt,
            List<String> userIds,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> toolsUsed) {}
}
