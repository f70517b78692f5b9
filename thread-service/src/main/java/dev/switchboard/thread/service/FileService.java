package dev.switchboard.thread.service;

import dev.switchboard.thread.FileContent;
import dev.switchboard.thread.FileIds;
import dev.switchboard.thread.StoredFile;
import dev.switchboard.thread.config.FilesConfig;
import dev.switchboard.thread.repository.FileContentRepository;
import dev.switchboard.thread.repository.FileRepository;
import dev.switchboard.thread.rest.ApiException;
import dev.switchboard.thread.rest.FileResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Files uploaded by a caller; another org's or another user's file does not exist for the caller. */
@ApplicationScoped
public class FileService {

    /** A file's metadata and its bytes. */
    public record Download(FileResponse file, byte[] content) {
    }

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final FileRepository files;
    private final FileContentRepository contents;
    private final FileMapper mapper;
    private final FilesConfig config;

    FileService(FileRepository files, FileContentRepository contents, FileMapper mapper, FilesConfig config) {
        this.files = files;
        this.contents = contents;
        this.mapper = mapper;
        this.config = config;
    }

    @WithTransaction
    public Uni<FileResponse> upload(String orgId, String userId, String filename, String contentType, byte[] bytes) {
        StoredFile file = new StoredFile();
        file.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        file.id = FileIds.next(file.createdAt.toEpochMilli());
        file.orgId = orgId;
        file.userId = userId;
        file.filename = requireFilename(filename);
        file.contentType = contentType(contentType);
        file.size = requireSize(bytes);
        file.sha256 = sha256(bytes);
        return files.persist(file)
                .call(stored -> contents.persist(FileContent.of(stored.id, bytes)))
                .map(mapper::toResponse);
    }

    @WithSession
    public Uni<FileResponse> get(String orgId, String userId, String id) {
        return find(orgId, userId, id).map(mapper::toResponse);
    }

    @WithSession
    public Uni<Download> download(String orgId, String userId, String id) {
        return find(orgId, userId, id).chain(file -> contents.findById(file.id)
                .map(content -> new Download(mapper.toResponse(file), content.content)));
    }

    private Uni<StoredFile> find(String orgId, String userId, String id) {
        if (!FileIds.isWellFormed(id)) {
            return Uni.createFrom().failure(ApiException.notFound("file " + id + " not found"));
        }
        return files.findOwned(orgId, userId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("file " + id + " not found"));
    }

    private long requireSize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.invalid("file must not be empty", "file");
        }
        if (bytes.length > config.maxSize().asLongValue()) {
            throw new ApiException(413, "payload_too_large",
                    "file must be at most " + config.maxSize().asLongValue() + " bytes", "file");
        }
        return bytes.length;
    }

    private static String requireFilename(String filename) {
        String name = filename == null ? "" : filename.strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("filename must be 1-255 characters without control characters", "filename");
        }
        return name;
    }

    private static String contentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_CONTENT_TYPE;
        }
        String type = contentType.strip();
        if (type.length() > 255 || !type.matches("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?")) {
            throw ApiException.invalid("contentType must be a media type such as text/plain", "contentType");
        }
        return type;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
