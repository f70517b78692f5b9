package dev.switchboard.thread.service;

import dev.switchboard.platform.web.Timestamps;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.FileChunk;
import dev.switchboard.thread.FileIds;
import dev.switchboard.thread.StoredFile;
import dev.switchboard.thread.config.FilesConfig;
import dev.switchboard.thread.repository.FileChunkRepository;
import dev.switchboard.thread.repository.FileRepository;
import dev.switchboard.thread.rest.FileResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files uploaded by a caller; another org's or another user's file does not exist for the caller. The bytes are
 * streamed in both directions, {@link FileChunk#SIZE} at a time: an upload is written chunk by chunk as it arrives
 * and a download read chunk by chunk as the client takes it, so no file is ever held whole in memory.
 */
@ApplicationScoped
public class FileService {

    /** A file's metadata and its bytes, read when the stream is consumed. */
    public record Download(FileResponse file, Multi<byte[]> content) {}

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final FileRepository files;
    private final FileChunkRepository chunks;
    private final FileMapper mapper;
    private final FilesConfig config;

    FileService(FileRepository files, FileChunkRepository chunks, FileMapper mapper, FilesConfig config) {
        this.files = files;
        this.chunks = chunks;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Stores the bytes as they arrive, then the metadata, in one transaction: an upload that fails (too large,
     * empty, the client gone) leaves nothing. {@code filename} and {@code contentType} are checked before any byte
     * is read.
     */
    @WithTransaction
    public Uni<FileResponse> upload(
            String orgId, String userId, String filename, String contentType, Multi<byte[]> content) {
        StoredFile file = new StoredFile();
        file.createdAt = Timestamps.now();
        file.id = FileIds.next(file.createdAt.toEpochMilli());
        file.orgId = orgId;
        file.userId = userId;
        file.filename = requireFilename(filename);
        file.contentType = contentType(contentType);
        UploadTally tally = new UploadTally(config.maxSize().asLongValue());
        AtomicInteger seq = new AtomicInteger();
        return Rechunker.chunks(content, FileChunk.SIZE)
                .invoke(tally::add)
                .onItem()
                .transformToUniAndConcatenate(bytes -> chunks.write(file.id, seq.getAndIncrement(), bytes))
                .onItem()
                .ignoreAsUni()
                .chain(() -> {
                    file.size = tally.requireSize();
                    file.sha256 = tally.sha256();
                    return files.persist(file);
                })
                .map(mapper::toResponse);
    }

    @WithSession
    public Uni<FileResponse> get(Caller caller, String id) {
        return find(caller, id).map(mapper::toResponse);
    }

    /** The metadata now (404 if the caller has no such file); the bytes chunk by chunk, as they are consumed. */
    @WithSession
    public Uni<Download> download(Caller caller, String id) {
        return find(caller, id)
                .chain(file -> chunks.countOf(file.id)
                        .map(count -> new Download(
                                mapper.toResponse(file),
                                Multi.createFrom()
                                        .range(0, count.intValue())
                                        .onItem()
                                        .transformToUniAndConcatenate(seq -> chunks.read(file.id, seq)))));
    }

    /** The file if the caller uploaded it, or reaches the whole organisation (an admin, a service key). */
    private Uni<StoredFile> find(Caller caller, String id) {
        if (!FileIds.isWellFormed(id)) {
            return Uni.createFrom().failure(ApiException.notFound("file " + id + " not found"));
        }
        return files.findInOrg(caller.orgId(), id)
                .map(file -> file != null && (caller.reachesOrganisation() || file.userId.equals(caller.userId()))
                        ? file
                        : null)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("file " + id + " not found"));
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
}
