package dev.switchboard.thread.repository;

import dev.switchboard.thread.FileChunk;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The bytes of files, chunk by chunk; the caller checks ownership on the metadata first. */
@ApplicationScoped
@WithSession
public class FileChunkRepository implements PanacheRepositoryBase<FileChunk, FileChunk.Key> {

    /** Writes one chunk now and forgets it: the session never holds more than the chunk being written. */
    public Uni<Void> write(String fileId, int seq, byte[] data) {
        FileChunk chunk = FileChunk.of(fileId, seq, data);
        return persistAndFlush(chunk)
                .chain(() -> getSession())
                .invoke(session -> session.detach(chunk))
                .replaceWithVoid();
    }

    public Uni<byte[]> read(String fileId, int seq) {
        return findById(new FileChunk.Key(fileId, seq))
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("chunk " + seq + " of file " + fileId + " is missing"))
                .map(chunk -> chunk.data);
    }

    public Uni<Long> countOf(String fileId) {
        return count("fileId", fileId);
    }
}
