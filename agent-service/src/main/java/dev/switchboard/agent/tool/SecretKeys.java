package dev.switchboard.agent.tool;

import dev.switchboard.agent.config.AgentsConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The AES-256 keys of {@link SecretCipher}: the current one, which seals, and earlier ones, which still open what
 * they sealed. A key's id is derived from the key itself (the first 8 characters of a SHA-256 of it, base64url),
 * so a sealed value names its key without any configuration of ids.
 */
final class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class);
    static final String KEY_VARIABLE = "SWITCHBOARD_SECRETS_KEY";
    static final String PREVIOUS_VARIABLE = "SWITCHBOARD_SECRETS_PREVIOUS_KEYS";

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private SecretKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    static SecretKeys from(AgentsConfig.Secrets config) {
        byte[] current;
        if (config.key().isPresent()) {
            current = decode(config.key().get(), KEY_VARIABLE + " (switchboard.agents.secrets.key)");
        } else if (config.generateMissingKey()) {
            current = new byte[32];
            new SecureRandom().nextBytes(current);
            LOG.warnf(
                    "%s is not set: MCP header values are sealed with a key made up for this run, which the next "
                            + "run will not have. Set it (32 random bytes, base64) to keep them readable.",
                    KEY_VARIABLE);
        } else {
            throw new IllegalStateException(KEY_VARIABLE + " (switchboard.agents.secrets.key) is not set: "
                    + "agent-service seals MCP header values in its database with it. Set it to 32 random bytes "
                    + "in base64, e.g. the output of `openssl rand -base64 32`, and keep it as safe as the database "
                    + "password.");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String currentId = id(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (String previous : config.previousKeys().orElse(List.of())) {
            byte[] key = decode(previous, PREVIOUS_VARIABLE + " (switchboard.agents.secrets.previous-keys)");
            keys.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        return new SecretKeys(currentId, keys);
    }

    /** Keys as they are, for tests: the first one is current. */
    static SecretKeys of(byte[] current, byte[]... previous) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(id(current), new SecretKeySpec(current, "AES"));
        for (byte[] key : previous) {
            keys.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        return new SecretKeys(id(current), keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKeySpec current() {
        return keys.get(currentId);
    }

    /** The key with that id; null when this service does not have it. */
    SecretKeySpec get(String id) {
        return keys.get(id);
    }

    /** Every id this service can open, the current one included. */
    Set<String> ids() {
        return keys.keySet();
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    what + " must be 32 bytes (AES-256), base64; it is " + key.length + " bytes");
        }
        return key;
    }

    static String id(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("switchboard-secrets-key-id:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
