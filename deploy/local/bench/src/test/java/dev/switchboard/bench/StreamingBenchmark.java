package dev.switchboard.bench;

import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.IntFunction;

/**
 * Issue 4's streaming benchmark: a fake OpenAI-compatible model that waits 50 ms before its first token and
 * 10 ms between 20 tokens, called directly and through the gateway ({@code /api/agents/demo/chat/stream} and the
 * buffered {@code /api/agents/demo/chat}) at concurrency 1, 16 and 64: time to first byte, total time, runs per
 * second. Not part of {@code verify}; see docs/benchmarks.md.
 */
class StreamingBenchmark {

    private static final List<String> TOKENS = Collections.nCopies(20, "tok ");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One request: ms to the first token (or the whole answer when buffered) and to the end. */
    private record Timing(double firstMs, double totalMs) {
    }

    @Test
    void streamingThroughTheGatewayAgainstAFakeModel() throws Exception {
        try (FakeOpenAi model = new FakeOpenAi().start()) {
            // 40 ms before the headers + 10 ms before each token: the first token 50 ms after the request
            model.always(FakeOpenAi.text(TOKENS, 20, 20).withPace(Duration.ofMillis(10))
                    .afterSilence(Duration.ofMillis(40)));
            // one user starts far more runs than the default rate limits allow: raise them (still counted)
            StackSettings settings = TestStacks.onFreePorts("switchboard-bench-stream-", Map.of(
                    "SWITCHBOARD_OPENAI_BASE_URL", model.url(),
                    "SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_CALLER", "1000000/10s",
                    "SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_ORG", "1000000/10s",
                    "SWITCHBOARD_GATEWAY_RATE_LIMITS_RUNS_PER_CALLER", "1000000/1m",
                    "SWITCHBOARD_GATEWAY_RATE_LIMITS_RUNS_PER_ORG", "1000000/1m"));
            try (LocalStack stack = new LocalStack(settings, System.out)) {
                stack.start();
                String token = Files.readString(settings.home().resolve("dev-token")).trim();
                StringBuilder report = new StringBuilder(String.format("| path | concurrency | requests | TTFB p50 ms "
                        + "| TTFB p99 ms | total p50 ms | total p99 ms | runs/s | runs/s the model allows |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n"));
                HttpRequest direct = HttpRequest.newBuilder(URI.create(model.url() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"gpt-5-mini\", \"stream\": true, "
                                + "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")).build();
                // one conversation per streamed run: runs of one conversation take turns (multitask_strategy)
                IntFunction<List<HttpRequest>> streamed = n -> {
                    List<HttpRequest> list = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        list.add(HttpRequest.newBuilder(URI.create(settings.gatewayUrl()
                                        + "/api/agents/demo/chat/stream")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hi\", "
                                        + "\"conversation_id\": \"" + conversation(settings, token) + "\"}")).build());
                    }
                    return list;
                };
                HttpRequest buffered = HttpRequest.newBuilder(URI.create(settings.gatewayUrl()
                                + "/api/v1/agents/demo/chat")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}"))
                        .build();
                // warm-up: every service JIT-compiles its hot paths before anything is timed
                measure(streamed.apply(300), "\"type\":\"text\"", 8);
                measure(Collections.nCopies(150, buffered), null, 8);
                for (int concurrency : new int[] {1, 16, 64}) {
                    int requests = Math.max(40, concurrency * 4);
                    report.append(row("model directly (SSE)", Collections.nCopies(requests, direct),
                            "\"content\":\"tok", concurrency));
                    report.append(row("gateway /api/agents/demo/chat/stream (SSE)", streamed.apply(requests),
                            "\"type\":\"text\"", concurrency));
                    report.append(row("gateway /api/v1/agents/demo/chat (buffered)",
                            Collections.nCopies(requests, buffered), null, concurrency));
                }
                System.out.println(report);
                Path out = Path.of("target/streaming-benchmark.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report.toString());
            }
        }
    }

    private static String conversation(StackSettings settings, String token) {
        try {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl()
                            + "/api/agents/demo/conversations")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"bench\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(created.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(String name, List<HttpRequest> requestList, String firstMarker, int concurrency)
            throws Exception {
        int requests = requestList.size();
        long t0 = System.nanoTime();
        List<Timing> timings = measure(requestList, firstMarker, concurrency);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] first = timings.stream().mapToDouble(Timing::firstMs).sorted().toArray();
        double[] total = timings.stream().mapToDouble(Timing::totalMs).sorted().toArray();
        double modelSeconds = 0.05 + 0.01 * (TOKENS.size() - 1);
        return String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name, concurrency,
                requests, pct(first, 0.5), pct(first, 0.99), pct(total, 0.5), pct(total, 0.99), requests / seconds,
                concurrency / modelSeconds);
    }

    private static List<Timing> measure(List<HttpRequest> requests, String firstMarker, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Timing>> futures = new ArrayList<>();
            for (HttpRequest request : requests) {
                futures.add(pool.submit(() -> once(request, firstMarker)));
            }
            List<Timing> timings = new ArrayList<>();
            for (Future<Timing> f : futures) {
                timings.add(f.get());
            }
            return timings;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Timing once(HttpRequest request, String firstMarker) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        double first = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (first < 0 && firstMarker != null && line.contains(firstMarker)) {
                    first = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        double total = (System.nanoTime() - t0) / 1e6;
        return new Timing(first < 0 ? total : first, total);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
