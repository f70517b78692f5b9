package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code Idempotency-Key} of one caller (org + user): the hash of the request that claimed it, and once
 * that request finished, the status and body it was answered with. {@code claimId} names the claim, so only
 * the request holding it completes or releases the key.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public String key;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public String state;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public record Key(String orgId, String userId, String key) implements Serializable {}
}
