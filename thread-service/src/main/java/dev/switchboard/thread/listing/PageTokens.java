package dev.switchboard.thread.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.config.ThreadsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page tokens (AIP-158): base64url JSON of the keyset position and the filter
 * fingerprint, then an HMAC-SHA256 of it. A modified token, or one minted for other filters or another
 * organisation, is rejected.
 */
@ApplicationScoped
public class PageTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final ObjectMapper json;
    private final byte[] key;

    PageTokens(ObjectMapper json, ThreadsConfig config) {
        this.json = json;
        this.key = config.pageTokenKey().getBytes(StandardCharsets.UTF_8);
    }

    public String mint(PageToken position, ConversationFilter filter) {
        ObjectNode payload = json.createObjectNode()
                .put("u", micros(position.updatedAt()))
                .put("i", position.threadId())
                .put("p", position.page())
                .put("f", filter.fingerprint());
        String body = ENCODE.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODE.encodeToString(sign(body));
    }

    public PageToken read(String token, ConversationFilter filter) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 1000) {
            throw invalid();
        }
        String body = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), DECODE.decode(token.substring(dot + 1)))) {
                throw invalid();
            }
            JsonNode payload = json.readTree(DECODE.decode(body));
            if (!filter.fingerprint().equals(payload.path("f").asText())) {
                throw new ApiException(
                        400,
                        "invalid_argument",
                        "pageToken belongs to a listing with other filters; start again without it",
                        "pageToken");
            }
            return new PageToken(
                    Instant.EPOCH.plus(payload.path("u").asLong(), ChronoUnit.MICROS),
                    payload.path("i").asText(),
                    payload.path("p").asInt());
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    /** Timestamps are kept to the microsecond, as PostgreSQL stores them, so no row falls between pages. */
    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(
                400,
                "invalid_argument",
                "pageToken is not a token this API issued; use nextPageToken from a previous answer",
                "pageToken");
    }
}
