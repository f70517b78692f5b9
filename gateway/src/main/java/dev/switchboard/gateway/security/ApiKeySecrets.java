package dev.switchboard.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The secrets of API keys: {@code grt_pat_<43 base62 chars>} (personal) or {@code grt_svc_<43 base62 chars>}
 * (service), 256 bits of randomness. Stored as SHA-256 (a fast hash is enough for a high-entropy secret); the
 * first {@link #PREFIX_LENGTH} characters find the key and are shown to its owners.
 */
public final class ApiKeySecrets {

    /** A bearer value that starts with this is an API key, anything else a JWT. */
    public static final String MARK = "grt_";

    public static final String PERSONAL_PREFIX = "grt_pat_";
    public static final String SERVICE_PREFIX = "grt_svc_";
    static final int RANDOM_CHARS = 43;
    /** {@code grt_pat_} and the first 8 random characters. */
    public static final int PREFIX_LENGTH = 16;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("grt_(pat|svc)_[0-9A-Za-z]{" + RANDOM_CHARS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String generate(boolean service) {
        StringBuilder secret = new StringBuilder(service ? SERVICE_PREFIX : PERSONAL_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Whether the value has the shape of a key at all (checked before any lookup). */
    public static boolean isWellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    public static String prefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * The API key a request presents: the {@code x-api-key} header, or an {@code Authorization: Bearer} value
     * starting with {@code grt_}; null if it presents none (a bearer JWT, or nothing).
     */
    public static String fromHeaders(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null) {
            return apiKeyHeader.trim();
        }
        if (authorization != null
                && authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            String value = authorization.substring(7).trim();
            if (value.startsWith(MARK)) {
                return value;
            }
        }
        return null;
    }
}
