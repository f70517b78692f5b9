package dev.switchboard.thread.rest;

import java.time.Instant;

/** An uploaded file's metadata. */
public record FileResponse(
        String id, String filename, String contentType, long size, String sha256, Instant createdAt) {}
