package dev.switchboard.gateway.ratelimit;

import com.sun.management.OperatingSystemMXBean;
import dev.switchboard.local.testing.TestTokens;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load of the cost benchmarks: {@code GET /api/v1/agents} (the gateway, then the agent-service stub) from 200
 * callers of 40 orgs in turn, 8 requests in flight, well inside the default limits (about 10 requests a second
 * per caller, 50 per org). Reports requests per second and the test JVM's CPU time per request (gateway, stubs
 * and client together: the same in both runs, so the difference is the limiter's).
 */
final class CostLoop {

    record Result(String label, int requests, double seconds, double cpuMicrosPerRequest, int notOk) {

        String row() {
            return String.format(
                    "| %s | %d | %.0f | %.1f | %d |", label, requests, requests / seconds, cpuMicrosPerRequest, notOk);
        }
    }

    private final URI gateway;
    private final List<String> tokens = new ArrayList<>();

    CostLoop(URI gateway) {
        this.gateway = gateway;
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 200; i++) {
            tokens.add(TestTokens.user("org-cost-" + run + "-" + (i % 40), "user-" + i));
        }
    }

    Result run(String label, int requests) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(senders.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/agents"))
                                .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                                .GET()
                                .build();
                        if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                != 200) {
                            notOk.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMicros = (os.getProcessCpuTime() - cpu0) / 1e3 / requests;
        return new Result(label, requests, seconds, cpuMicros, notOk.get());
    }

    static void report(String text) throws IOException {
        System.out.println(text);
        Path out = Path.of("target/rate-limit-cost.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
