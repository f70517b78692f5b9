package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Part of the bytes of a {@link StoredFile}: chunk {@code seq} (from 0) holds bytes {@code seq * SIZE} up to
 * {@code SIZE} more; every chunk but the last is full. Kept in PostgreSQL so that files are as durable as the rest
 * of the service's data, are in its backups and are seen by every replica.
 */
@Entity
@Table(name = "file_chunks")
@IdClass(FileChunk.Key.class)
public class FileChunk {

    /** 256 KiB: the most a file upload or download holds in memory at once. */
    public static final int SIZE = 256 * 1024;

    @Id
    @Column(name = "file_id")
    public String fileId;

    @Id
    public int seq;

    @Column(nullable = false, updatable = false)
    public byte[] data;

    public static FileChunk of(String fileId, int seq, byte[] data) {
        FileChunk chunk = new FileChunk();
        chunk.fileId = fileId;
        chunk.seq = seq;
        chunk.data = data;
        return chunk;
    }

    /** The primary key: file and position. */
    public static class Key implements Serializable {

        public String fileId;
        public int seq;

        public Key() {}

        public Key(String fileId, int seq) {
            this.fileId = fileId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.seq == seq && Objects.equals(other.fileId, fileId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileId, seq);
        }
    }
}
