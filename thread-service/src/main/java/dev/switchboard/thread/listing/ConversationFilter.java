package dev.switchboard.thread.listing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What a conversation list is filtered by. {@code agentNumericId} 0 means every agent of the org. The
 * fingerprint ties a page token to the org and filters it was minted for.
 */
public record ConversationFilter(
        String orgId, long agentNumericId, String userId, String toolName, Timeframe timeframe) {

    public String fingerprint() {
        String canonical = String.join(
                "\u0000",
                orgId,
                Long.toString(agentNumericId),
                nullToEmpty(userId),
                nullToEmpty(toolName),
                timeframe == null ? "" : timeframe.wire());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
