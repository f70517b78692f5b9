package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** thread-service's file metadata JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileView(String id, String filename, String contentType, long size, String sha256, Instant createdAt) {}
