package dev.switchboard.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key of an organisation: a personal access token ({@code personal}, acts as the user who created it) or
 * an organisation service token ({@code service}, acts as the organisation). The secret itself is never stored:
 * only its SHA-256 hash and its first characters ({@code lookupPrefix}), which find the key and are shown to
 * its owners. A revoked key keeps its row ({@code revokedAt}) and never authenticates again.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    public static final String PERSONAL = "personal";
    public static final String SERVICE = "service";

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    public String orgId;

    /** The user who created the key (a personal key acts as this user). */
    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public String name;

    /**
     * The role a personal key acts with: its creator's when it was created ({@code admin} or {@code member}). A
     * service key acts as the organisation whatever this says.
     */
    @Column(nullable = false, updatable = false)
    public String role;

    @Column(name = "lookup_prefix", nullable = false, updatable = false)
    public String lookupPrefix;

    @Column(name = "secret_hash", nullable = false, updatable = false)
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isService() {
        return SERVICE.equals(kind);
    }
}
