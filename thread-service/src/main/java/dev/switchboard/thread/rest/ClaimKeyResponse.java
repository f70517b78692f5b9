package dev.switchboard.thread.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What a claim found: {@code claimed} (the caller goes on, then completes or releases {@code claimId}),
 * {@code replay} (the stored {@code responseStatus} and {@code responseBody}), {@code in_progress} (another
 * request holds the key) or {@code mismatch} (the key was used for a different request).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimKeyResponse(String outcome, UUID claimId, Integer responseStatus, String responseBody) {

    public static ClaimKeyResponse claimed(UUID claimId) {
        return new ClaimKeyResponse("claimed", claimId, null, null);
    }

    public static ClaimKeyResponse replay(int status, String body) {
        return new ClaimKeyResponse("replay", null, status, body);
    }

    public static ClaimKeyResponse inProgress() {
        return new ClaimKeyResponse("in_progress", null, null, null);
    }

    public static ClaimKeyResponse mismatch() {
        return new ClaimKeyResponse("mismatch", null, null, null);
    }
}
