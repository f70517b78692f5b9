package dev.switchboard.run.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever langchain4j reports into a {@link ProviderException}: its status and kind make the client's
 * summary, the provider's own message is kept for the logs.
 */
final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;

    private ProviderErrors() {}

    static ProviderException translate(String provider, Throwable failure) {
        ProviderException known = find(failure, ProviderException.class);
        if (known != null) {
            return known;
        }
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            int status = http.statusCode();
            return ProviderException.answered(provider, status, message(http.getMessage()), failure);
        }
        boolean timeout = find(failure, HttpTimeoutException.class) != null
                || find(failure, TimeoutException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null;
        if (timeout) {
            return ProviderException.timedOut(provider, failure);
        }
        if (find(failure, IOException.class) != null) {
            return ProviderException.unreachable(provider, String.valueOf(failure.getMessage()), failure);
        }
        if (failure instanceof RateLimitException) {
            return ProviderException.answered(provider, 429, message(failure.getMessage()), failure);
        }
        return ProviderException.failed(
                provider, message(failure.getMessage()), failure instanceof RetriableException, failure);
    }

    /** The provider's {@code error.message} when the body is its JSON error, else the body, shortened. */
    static String message(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String text =
                    error.isTextual() ? error.asText() : error.path("message").asText(null);
            if (text != null) {
                return shorten(text);
            }
        } catch (IOException notJson) {
            // a plain-text body is the message itself
        }
        return shorten(body.strip());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
