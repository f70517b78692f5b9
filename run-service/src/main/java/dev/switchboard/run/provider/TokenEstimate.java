package dev.switchboard.run.provider;

/** A rough token count, about four characters a token, for providers that report no usage. */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.length() + 3) / 4;
    }
}
