package dev.switchboard.thread.listing;

import java.time.Instant;

/** Where the next page starts: after the thread with this (updatedAt, id); {@code page} is its 0-based index. */
public record PageToken(Instant updatedAt, String threadId, int page) {}
