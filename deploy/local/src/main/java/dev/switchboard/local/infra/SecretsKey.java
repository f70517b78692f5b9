package dev.switchboard.local.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES-256 key agent-service seals MCP header values with ({@code SWITCHBOARD_SECRETS_KEY}): 32 random bytes,
 * base64, kept in {@code secrets.key} (owner-only) and generated on first use, so stored values stay readable
 * from one start to the next.
 */
public final class SecretsKey {

    public static final String VARIABLE = "SWITCHBOARD_SECRETS_KEY";

    private SecretsKey() {}

    /** thread-service's page-token HMAC key, generated the same way into {@code page-token.key}. */
    public static final String PAGE_TOKEN_VARIABLE = "SWITCHBOARD_PAGE_TOKEN_KEY";

    /** The key in {@code dir/secrets.key}, made first if missing. */
    public static String ensure(Path dir) throws IOException {
        return ensure(dir, "secrets.key");
    }

    /** 32 random bytes (base64) kept in {@code dir/fileName} (owner-only), made first if missing. */
    public static String ensure(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        Files.createDirectories(dir);
        String key = generate();
        OwnerOnlyFiles.write(file, key + "\n");
        return key;
    }

    /** 32 fresh random bytes, base64. */
    public static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
