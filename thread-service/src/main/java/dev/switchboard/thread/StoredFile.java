package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file a caller uploaded (seed 002); its bytes are {@link FileChunk}s. Visible to its uploader only. */
@Entity
@Table(name = "files")
public class StoredFile {

    @Id
    public String id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false, updatable = false)
    public String filename;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(nullable = false, updatable = false)
    public long size;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Whether the caller may see and attach this file: the same organisation and the same user. */
    public boolean ownedBy(String orgId, String userId) {
        return this.orgId.equals(orgId) && this.userId.equals(userId);
    }
}
