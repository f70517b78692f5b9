package dev.switchboard.e2e.fault;

/**
 * One chat as its client saw it end. {@code runId} and {@code threadId} are what the client chose or was told (null
 * when it never learnt them).
 *
 * @param route which public endpoint: {@code 000-new}, {@code 000}, {@code 003} (buffered) or {@code 003-stream}
 */
record Chat(
        String client,
        String org,
        String agent,
        String threadId,
        String runId,
        String tag,
        String message,
        boolean calculated,
        String route,
        Outcome outcome,
        String detail) {

    enum Outcome {
        /** The client got the whole answer. */
        SUCCEEDED,
        /** A stream ended with the run's terminal {@code error} event naming {@code worker_lost}: a clean failure. */
        RUN_LOST,
        /** The connection broke while the gateway replica it went to was down (killed): what a killed pod does. */
        CUT,
        /** What a client must never see: a 5xx other than 503 with Retry-After, a hang, a wrong answer. */
        BROKEN
    }

    String answer() {
        return TaggedModel.answer(tag, calculated);
    }

    @Override
    public String toString() {
        return client + " " + route + " #" + tag + " thread " + threadId + " run " + runId + ": " + outcome
                + (detail == null ? "" : " (" + detail + ")");
    }
}
