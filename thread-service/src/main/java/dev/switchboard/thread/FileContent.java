package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of a {@link StoredFile}, in PostgreSQL ({@code bytea}) so that they are as durable as the rest of
 * the service's data, are in its backups, and are seen by every replica.
 */
@Entity
@Table(name = "file_contents")
public class FileContent {

    @Id
    @Column(name = "file_id")
    public String fileId;

    @Column(nullable = false, updatable = false)
    public byte[] content;

    public static FileContent of(String fileId, byte[] content) {
        FileContent c = new FileContent();
        c.fileId = fileId;
        c.content = content;
        return c;
    }
}
