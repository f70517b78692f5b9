package dev.switchboard.thread.service;

import dev.switchboard.thread.StoredFile;
import dev.switchboard.thread.rest.FileResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** File entities to API records. */
@ApplicationScoped
public class FileMapper {

    public FileResponse toResponse(StoredFile f) {
        return new FileResponse(f.id, f.filename, f.contentType, f.size, f.sha256, f.createdAt);
    }
}
