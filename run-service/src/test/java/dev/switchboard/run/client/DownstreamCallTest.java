package dev.switchboard.run.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DownstreamCallTest {

    private final DownstreamCall call = new DownstreamCall("thread-service", new RunsConfig.Client() {
        @Override
        public Duration timeout() {
            return Duration.ofMillis(200);
        }

        @Override
        public int retries() {
            return 2;
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofMillis(10);
        }
    });

    @Test
    void idempotentCallsAreRetriedWhenTheConnectionFails() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = call.idempotent(() -> attempts.incrementAndGet() < 3
                        ? Uni.createFrom().failure(new ProcessingException(new ConnectException("refused")))
                        : Uni.createFrom().item("ok"))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertEquals("ok", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void otherCallsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> once = call.once(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new ProcessingException(new ConnectException("refused")));
        });
        assertThrows(ProcessingException.class, () -> once.await().atMost(Duration.ofSeconds(5)));
        assertEquals(1, attempts.get());
    }

    @Test
    void unreachableOrSlowServicesAreUnavailable() {
        ApiException refused = call.translate(new ProcessingException(new ConnectException("refused")));
        assertEquals(503, refused.status());
        assertEquals("unavailable", refused.code());
        assertEquals("a backend service is temporarily unavailable; retry in a few seconds", refused.getMessage());

        Throwable slow = assertThrows(
                RuntimeException.class,
                () -> call.once(() -> Uni.createFrom().nothing()).await().atMost(Duration.ofSeconds(5)));
        ApiException timedOut = call.translate(slow);
        assertEquals(503, timedOut.status());
        assertTrue(timedOut.getMessage().startsWith("a backend service did not answer within "), timedOut.getMessage());
        assertTrue(timedOut.getMessage().endsWith(" ms; retry in a few seconds"), timedOut.getMessage());
    }

    @Test
    void aFailingServiceIs502AndNeitherNamesItNorPassesItsMessageOn() {
        ApiException failed = call.translate(new WebApplicationException(Response.status(500)
                .entity("{\"error\": {\"code\": \"internal\", \"message\": \"thread-service broke\"}}")
                .build()));
        assertEquals(502, failed.status());
        assertEquals("bad_gateway", failed.code());
        assertEquals("a backend service failed; retry later", failed.getMessage());
        ApiException unavailable =
                call.translate(new WebApplicationException(Response.status(503).build()));
        assertEquals(503, unavailable.status());
        assertEquals("a backend service is temporarily unavailable; retry in a few seconds", unavailable.getMessage());
        ApiException unreadable = call.translate(new IllegalStateException("thread-service sent garbage"));
        assertEquals(502, unreadable.status());
        assertEquals("a backend service failed; retry later", unreadable.getMessage());
    }
}
