package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.http.UploadRoute;
import dev.switchboard.thread.config.FilesConfig;
import jakarta.inject.Singleton;

/** {@code POST /internal/files}: its body is the file, up to {@code switchboard.files.max-size} (20 MiB). */
@Singleton
public class FileUploadRoute implements UploadRoute {

    private final long maxSize;

    public FileUploadRoute(FilesConfig files) {
        this.maxSize = files.maxSize().asLongValue();
    }

    @Override
    public String path() {
        return "/internal/files";
    }

    @Override
    public long maxBody() {
        return maxSize;
    }

    @Override
    public String field() {
        return "file";
    }
}
