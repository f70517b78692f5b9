package dev.switchboard.thread;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * File ids: {@code file_} and 26 characters, ULID-like: 48 bits of milliseconds then 80 random bits in
 * Crockford base32, so ids sort by upload time.
 */
public final class FileIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The shape a client may send: letters of any case and some slack in length, so that documented examples
     * (the seed's {@code file_01KQX0V62MEXAMPLE7W6X3B2A} has 25 characters) are read as unknown ids.
     */
    private static final Pattern SHAPE = Pattern.compile("file_[0-9A-Za-z]{20,40}");

    private FileIds() {}

    public static String next(long epochMillis) {
        char[] id = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            id[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            id[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return "file_" + new String(id);
    }

    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
