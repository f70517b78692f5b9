package dev.switchboard.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client of the public API, chatting in a loop until told to stop: in turn buffered (seed 000, seed 003) and
 * streamed (seed 003) chats over its own threads, a new thread now and then (seed 000), some asking for the
 * calculator; each request to the next gateway replica. It retries a 503 after its Retry-After, and sends a request
 * whose gateway refused the connection to the other one, but only when that gateway replica was down. Every
 * request has a deadline: no answer within {@link #DEADLINE} is a hang.
 */
final class ChatClient implements Runnable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String MODEL = "gpt-5-mini";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Retry-After honoured up to this many seconds (a longer hint would only slow the test). */
    private static final int MAX_WAIT = 5;

    private final String name;
    private final String org;
    private final String token;
    private final String agent;
    private final List<String> gateways;
    private final List<Integer> gatewayPorts;
    private final List<String> threads;
    private final FaultLog faults;
    private final Tally tally;
    private final AtomicBoolean stop;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private int next;

    ChatClient(
            String name,
            String org,
            String token,
            String agent,
            List<String> gateways,
            List<Integer> gatewayPorts,
            List<String> threads,
            FaultLog faults,
            Tally tally,
            AtomicBoolean stop) {
        this.name = name;
        this.org = org;
        this.token = token;
        this.agent = agent;
        this.gateways = gateways;
        this.gatewayPorts = gatewayPorts;
        this.threads = new ArrayList<>(threads);
        this.faults = faults;
        this.tally = tally;
        this.stop = stop;
        this.next = name.hashCode() & 1;
    }

    @Override
    public void run() {
        for (int n = 0; !stop.get(); n++) {
            String tag = name + "-" + n;
            boolean calculate = n % 4 == 1;
            String message = "Chat #" + tag + (calculate ? " " + TaggedModel.CALCULATE : " hello");
            String route =
                    n % 8 == 7 ? "000-new" : List.of("003-stream", "000", "003").get(n % 3);
            String thread = route.equals("000-new") ? null : threads.get(n % threads.size());
            Chat chat = chat(tag, message, calculate, route, thread);
            tally.add(chat);
            if (route.equals("000-new") && chat.outcome() == Chat.Outcome.SUCCEEDED) {
                threads.add(chat.threadId());
            }
        }
    }

    private Chat chat(String tag, String message, boolean calculate, String route, String thread) {
        String runId = route.startsWith("003") ? UUID.randomUUID().toString() : null;
        ObjectNode body = JSON.createObjectNode().put("message", message);
        String path;
        switch (route) {
            case "000-new" -> {
                path = "/api/v1/agents/" + agent + "/chat";
                body.put("model", MODEL);
            }
            case "000" -> {
                path = "/api/v1/agents/" + agent + "/conversations/" + thread + "/chat";
                body.put("model", MODEL);
            }
            default -> {
                path = "/api/agents/" + agent + (route.equals("003-stream") ? "/chat/stream" : "/chat");
                body.put("conversation_id", thread).put("run_id", runId);
            }
        }
        Result result = send(path, body.toString());
        Chat.Outcome outcome = result.outcome;
        String detail = result.detail;
        String threadId = thread;
        if (outcome == Chat.Outcome.SUCCEEDED) {
            String expected = TaggedModel.answer(tag, calculate);
            try {
                if (route.equals("003-stream")) {
                    Stream stream = Stream.parse(result.response.body());
                    runId = result.response.headers().firstValue("X-Run-Id").orElse(runId);
                    if (stream.terminal().equals("error") && stream.error().contains("worker_lost")) {
                        outcome = Chat.Outcome.RUN_LOST;
                        detail = stream.error();
                    } else if (stream.terminal().startsWith("no [DONE]")
                            && faults.gatewayDown(result.port, result.start, System.nanoTime())) {
                        outcome = Chat.Outcome.CUT;
                        detail = "the stream from gateway " + result.port + " (killed) ended early";
                    } else if (!stream.terminal().equals("done")) {
                        outcome = Chat.Outcome.BROKEN;
                        detail = "the stream ended with " + stream.terminal() + ": " + result.response.body();
                    } else if (!stream.text().equals(expected) || calculate != stream.calculated()) {
                        outcome = Chat.Outcome.BROKEN;
                        detail = "wrong answer: " + result.response.body();
                    }
                } else {
                    JsonNode answer = JSON.readTree(result.response.body());
                    String content = answer.path(route.equals("003") ? "response" : "content")
                            .asText();
                    if (route.startsWith("000")) {
                        threadId = answer.path("threadId").asText(null);
                        runId = answer.path("runId").asText(null);
                    }
                    if (!content.equals(expected)) {
                        outcome = Chat.Outcome.BROKEN;
                        detail = "wrong answer: " + result.response.body();
                    }
                }
            } catch (IOException e) {
                outcome = Chat.Outcome.BROKEN;
                detail = "unreadable answer: " + result.response.body();
            }
        }
        return new Chat(name, org, agent, threadId, runId, tag, message, calculate, route, outcome, detail);
    }

    /** How a request ended; {@code port}, {@code start}: the gateway replica of its last try and when it began. */
    private record Result(Chat.Outcome outcome, String detail, HttpResponse<String> response, int port, long start) {

        Result(Chat.Outcome outcome, String detail, HttpResponse<String> response) {
            this(outcome, detail, response, 0, 0);
        }
    }

    /** Sends until an answer other than 503 (honouring Retry-After) or a connection refused by a gateway that was up. */
    private Result send(String path, String body) {
        long firstTry = System.nanoTime();
        while (true) {
            if (System.nanoTime() - firstTry > 2 * DEADLINE.toNanos()) {
                return new Result(
                        Chat.Outcome.BROKEN, "no answer after " + DEADLINE.multipliedBy(2) + " of tries", null);
            }
            int gateway = next;
            next = (next + 1) % gateways.size();
            int port = gatewayPorts.get(gateway);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateways.get(gateway) + path))
                    .timeout(DEADLINE)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> sent =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> response;
            try {
                // the request's own timeout covers the headers only; this covers the whole body (a stream) too
                response = sent.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (TimeoutException | InterruptedException hung) {
                sent.cancel(true);
                return new Result(Chat.Outcome.BROKEN, "hung: no complete answer within " + DEADLINE, null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                    return new Result(Chat.Outcome.BROKEN, "hung: no answer within " + DEADLINE, null);
                }
                boolean down = faults.gatewayDown(port, start, System.nanoTime());
                boolean refused = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
                if (refused && down) {
                    tally.failovers.incrementAndGet();
                    continue;
                }
                if (down) {
                    return new Result(Chat.Outcome.CUT, port + ": " + cause, null);
                }
                return new Result(
                        Chat.Outcome.BROKEN, "gateway " + port + " (up) failed the connection: " + cause, null);
            }
            if (response.statusCode() == 503) {
                tally.unavailable.incrementAndGet();
                String hint = response.headers().firstValue("Retry-After").orElse(null);
                Integer wait = seconds(hint);
                if (wait == null) {
                    return new Result(
                            Chat.Outcome.BROKEN,
                            "503 without a Retry-After from gateway " + port + ": " + response.body(),
                            response);
                }
                if (System.nanoTime() - firstTry > DEADLINE.toNanos()) {
                    return new Result(Chat.Outcome.BROKEN, "still 503 after " + DEADLINE + " of retries", response);
                }
                pause(Math.min(MAX_WAIT, wait));
                tally.retries.incrementAndGet();
                continue;
            }
            if (response.statusCode() != 200) {
                return new Result(
                        Chat.Outcome.BROKEN,
                        "HTTP " + response.statusCode() + " from gateway " + port + ": " + response.body(),
                        response);
            }
            return new Result(Chat.Outcome.SUCCEEDED, null, response, port, start);
        }
    }

    private static Integer seconds(String retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        try {
            return Math.max(0, Integer.parseInt(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(Math.max(100, seconds * 1000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A seed-003 stream as the client read it: its text, whether it showed the calculator's call, its end. */
    record Stream(String text, boolean calculated, String terminal, String error) {

        static Stream parse(String body) throws IOException {
            StringBuilder text = new StringBuilder();
            boolean calculated = false;
            String terminal = "none";
            String error = "";
            boolean finished = false;
            for (String line : body.split("\n")) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    finished = true;
                    continue;
                }
                JsonNode event = JSON.readTree(data);
                switch (event.path("type").asText()) {
                    case "text" -> text.append(event.path("content").asText());
                    case "tool_call" ->
                        calculated = "calculator"
                                        .equals(event.path("tool_call")
                                                .path("tool_name")
                                                .asText())
                                && "42"
                                        .equals(event.path("tool_call")
                                                .path("result")
                                                .asText());
                    default -> {
                        terminal = event.path("type").asText();
                        error = event.path("content").asText() + " "
                                + event.path("code").asText("");
                    }
                }
            }
            return new Stream(text.toString(), calculated, finished ? terminal : "no [DONE] after " + terminal, error);
        }
    }
}
