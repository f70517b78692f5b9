package dev.switchboard.gateway.client;

import dev.switchboard.gateway.ApiException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DownstreamErrorsTest {

    final DownstreamErrors errors = new DownstreamErrors("thread-service", Duration.ofSeconds(10));

    @Test
    void aServiceThatCannotBeReachedIs503NamingIt() {
        ApiException e = errors.translate(new ProcessingException(new ConnectException("Connection refused")));
        assertEquals(503, e.status());
        assertEquals("unavailable", e.code());
        assertEquals("thread-service is unavailable; retry in a few seconds", e.getMessage());
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs503() {
        ApiException e = errors.translate(new io.smallrye.mutiny.TimeoutException());
        assertEquals(503, e.status());
        assertEquals("thread-service did not answer within 10 s; retry in a few seconds", e.getMessage());
    }

    @Test
    void anythingElseIs502WithoutItsClassName() {
        ApiException e = errors.translate(new IllegalStateException("boom"));
        assertEquals(502, e.status());
        assertEquals("bad_gateway", e.code());
        assertEquals("thread-service gave an answer the gateway could not read", e.getMessage());
    }

    @Test
    void theGatewaysOwnRefusalsPassAsTheyAre() {
        ApiException own = ApiException.invalid("limit must be ...", "limit");
        assertSame(own, errors.translate(own));
    }
}
