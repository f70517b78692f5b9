package dev.switchboard.run.provider;

import java.util.Map;

/**
 * What a client is told when a model provider fails: the provider's name, the HTTP status and what it means in
 * a few fixed words, and what to do about it. Built from the status alone, so nothing the provider or the
 * network said (internal host names, addresses, echoed request parts) reaches a client.
 */
final class ProviderErrorSummary {

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "bad request"),
            Map.entry(401, "authentication failed"),
            Map.entry(402, "payment required"),
            Map.entry(403, "permission denied"),
            Map.entry(404, "not found"),
            Map.entry(408, "request timeout"),
            Map.entry(409, "conflict"),
            Map.entry(413, "request too large"),
            Map.entry(422, "unprocessable request"),
            Map.entry(429, "rate limited"),
            Map.entry(500, "internal error"),
            Map.entry(502, "bad gateway"),
            Map.entry(503, "unavailable"),
            Map.entry(504, "gateway timeout"),
            Map.entry(529, "overloaded"));

    private ProviderErrorSummary() {}

    static String of(String provider, ProviderException.Kind kind, int status, int retries) {
        String retried = retries > 0 ? " (still failing after " + retries + " retries)" : "";
        String who = "model provider " + provider;
        switch (kind) {
            case TIMED_OUT:
                return who + " did not answer in time" + retried + "; retry later";
            case UNREACHABLE:
                return who + " could not be reached" + retried + "; retry later";
            case FAILED:
                return who + " failed to answer" + (status > 0 ? " (HTTP " + status + ")" : "") + retried;
            default:
                break;
        }
        String verb = status >= 500 ? " failed" : " refused the request";
        return who + verb + " (HTTP " + status + ": " + meaning(status) + ")" + retried + hint(status);
    }

    private static String meaning(int status) {
        String meaning = MEANINGS.get(status);
        if (meaning != null) {
            return meaning;
        }
        return status >= 500 ? "server error" : "client error";
    }

    private static String hint(int status) {
        if (status == 401 || status == 403) {
            return "; check the provider's API key";
        }
        if (status == 404) {
            return "; check the model name and the provider's base URL";
        }
        if (status == 402) {
            return "; check the provider account";
        }
        if (status == 429 || status == 408 || status >= 500) {
            return "; retry later";
        }
        return "";
    }
}
