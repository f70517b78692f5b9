package dev.switchboard.run.provider;

/** A rough token count, about four characters a token, for providers that report no usage. */
public final class TokenEstimate {

    private TokenEstimate() {}

    /** The request's instructions and turns, as the input a provider was asked. */
    public static int input(ModelRequest request) {
        int input = of(request.instructions());
        for (ChatTurn turn : request.turns()) {
            input += of(turn.text());
        }
        return input;
    }

    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.length() + 3) / 4;
    }
}
