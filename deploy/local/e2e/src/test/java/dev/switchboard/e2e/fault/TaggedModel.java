package dev.switchboard.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.local.testing.fake.ScriptedResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible model for many concurrent chats: it answers at once, and what it answers follows from the
 * request alone (no script shared between chats). Each chat's message carries a tag ({@code #<tag>}); the answer is
 * {@link #answer(String, boolean)} of that tag. A message containing {@link #CALCULATE} is first answered with one
 * call of the {@code calculator} tool ({@code 6*7}), then, once the tool's result is in the conversation, with the
 * answer naming the result. The wire format is {@link FakeOpenAi}'s.
 */
final class TaggedModel implements AutoCloseable {

    static final String CALCULATE = "[calculate 6*7]";
    private static final Pattern TAG = Pattern.compile("#([A-Za-z0-9-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    /** The answer the model gives to the chat tagged {@code tag}, as the client reads it and the thread stores it. */
    static String answer(String tag, boolean calculated) {
        return calculated ? "The answer to " + tag + " is 42." : "Noted " + tag + ", thank you.";
    }

    TaggedModel start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ScriptedResponse response = respond(request.path("messages"));
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : response.chunks()) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientGone) {
            // the caller (a run-service replica) went away: nothing to do
        }
    }

    /** What the model says after {@code messages}: a tool call, or the tagged answer. */
    static ScriptedResponse respond(JsonNode messages) {
        JsonNode last = messages.path(messages.size() - 1);
        String lastUser = "";
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                lastUser = text(message.path("content"));
            }
        }
        Matcher tag = TAG.matcher(lastUser);
        String name = tag.find() ? tag.group(1) : "untagged";
        boolean calculate = lastUser.contains(CALCULATE);
        if (calculate && !"tool".equals(last.path("role").asText())) {
            return FakeOpenAi.toolCall("call_" + name, "calculator", List.of("{\"expression\": ", "\"6*7\"}"), 20, 8);
        }
        String answer = answer(name, calculate);
        int half = answer.length() / 2;
        return FakeOpenAi.text(List.of(answer.substring(0, half), answer.substring(half)), 12, 6);
    }

    /** A message's content: a string, or OpenAI's array of parts. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText(""));
        }
        return text.toString();
    }
}
