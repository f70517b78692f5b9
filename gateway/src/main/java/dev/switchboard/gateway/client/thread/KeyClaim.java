package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * thread-service's answer to claiming an {@code Idempotency-Key}: {@code claimed} (with {@code claimId}),
 * {@code replay} (with the stored status and body), {@code in_progress} or {@code mismatch}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyClaim(String outcome, UUID claimId, Integer responseStatus, String responseBody) {

    public static final String CLAIMED = "claimed";
    public static final String REPLAY = "replay";
    public static final String IN_PROGRESS = "in_progress";
    public static final String MISMATCH = "mismatch";

    /** Body of a claim. */
    public record Request(String key, String requestHash) {}

    /** Body of completing a claim: the answer to replay. */
    public record Completion(int responseStatus, String responseBody) {}
}
