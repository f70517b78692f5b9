package dev.switchboard.gateway.rest.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.gateway.client.thread.FileView;
import java.time.Instant;

/** An uploaded file as seed 002's file handles show it (snake_case). */
public record FileResponse(
        String id,
        String filename,
        @JsonProperty("content_type") String contentType,
        long size,
        @JsonProperty("created_at") Instant createdAt,
        String sha256) {

    public static FileResponse from(FileView file) {
        return new FileResponse(
                file.id(), file.filename(), file.contentType(), file.size(), file.createdAt(), file.sha256());
    }
}
