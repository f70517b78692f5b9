package dev.switchboard.platform.web.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.TimeoutException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownstreamErrorsTest {

    final DownstreamErrors errors = new DownstreamErrors("thread-service", Duration.ofSeconds(10));

    @Test
    void aServiceThatCannotBeReachedIs503WithoutNamingIt() {
        ApiException e = errors.translate(new ProcessingException(new ConnectException("Connection refused")));
        assertEquals(503, e.status());
        assertEquals("unavailable", e.code());
        assertEquals("a backend service is temporarily unavailable; retry in a few seconds", e.getMessage());
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs503() {
        ApiException e = errors.translate(new TimeoutException());
        assertEquals(503, e.status());
        assertEquals("a backend service did not answer within 10 s; retry in a few seconds", e.getMessage());
    }

    @Test
    void anythingElseIs502WithoutItsClassName() {
        ApiException e = errors.translate(new IllegalStateException("boom"));
        assertEquals(502, e.status());
        assertEquals("bad_gateway", e.code());
        assertEquals("a backend service failed; retry later", e.getMessage());
    }

    @Test
    void aServiceThatFailsIs502AndOneThatIsUnavailable503WithoutItsMessage() {
        ApiException failed = errors.translate(new WebApplicationException(Response.status(500)
                .entity("{\"error\": {\"code\": \"internal\", \"message\": \"thread-service: db down\"}}")
                .build()));
        assertEquals(502, failed.status());
        assertEquals("bad_gateway", failed.code());
        assertEquals("a backend service failed; retry later", failed.getMessage());
        ApiException unavailable = errors.translate(new WebApplicationException(Response.status(503)
                .entity("{\"error\": {\"code\": \"unavailable\", \"message\": \"agent-service is down\"}}")
                .build()));
        assertEquals(503, unavailable.status());
        assertEquals("a backend service is temporarily unavailable; retry in a few seconds", unavailable.getMessage());
        ApiException refusedToken = errors.translate(
                new WebApplicationException(Response.status(401).build()));
        assertEquals(502, refusedToken.status());
        assertFalse(refusedToken.getMessage().contains("service-"));
    }

    @Test
    void aServicesRefusalPassesThroughWithItsField() {
        ApiException refused = errors.translate(new WebApplicationException(Response.status(400)
                .entity("{\"error\": {\"code\": \"invalid_argument\", \"message\": \"limit must be 1-1000\", "
                        + "\"field\": \"limit\"}}")
                .build()));
        assertEquals(400, refused.status());
        assertEquals("limit must be 1-1000", refused.getMessage());
        assertEquals("limit", refused.field());
    }

    @Test
    void theGatewaysOwnRefusalsPassAsTheyAre() {
        ApiException own = ApiException.invalid("limit must be ...", "limit");
        assertSame(own, errors.translate(own));
    }

    @Test
    void onlyConnectionFailuresCountAsSuch() {
        assertTrue(DownstreamErrors.isConnectionFailure(new ProcessingException(new ConnectException("x"))));
        assertFalse(DownstreamErrors.isConnectionFailure(new IllegalStateException("x")));
    }

    @Test
    void aConnectionResetAfterTheRequestWentIsUnavailableNotBadGateway() {
        ProcessingException reset = new ProcessingException(new SocketException("Connection reset"));
        assertTrue(DownstreamErrors.isLostAfterSent(reset));
        assertEquals(503, errors.translate(reset).status());
        assertFalse(DownstreamErrors.isLostAfterSent(new ProcessingException(new ConnectException("refused"))));
        assertFalse(DownstreamErrors.isLostAfterSent(new ProcessingException(new JsonParseException(null, "bad"))));
        assertEquals(
                502,
                errors.translate(new ProcessingException(new JsonParseException(null, "bad")))
                        .status());
        assertFalse(DownstreamErrors.isLostAfterSent(new ProcessingException(new SocketTimeoutException("slow"))));
    }

    @Test
    void timeoutsAreKnownByTheirTypeNotTheirName() {
        assertTrue(DownstreamErrors.isTimeout(new ProcessingException(new TimeoutException())));
        assertTrue(DownstreamErrors.isTimeout(new ProcessingException(new SocketTimeoutException("read timed out"))));
        assertFalse(DownstreamErrors.isTimeout(new IllegalStateException("TimeoutException")));
    }

    @Test
    void aShortDeadlineIsNamedInMilliseconds() {
        ApiException e =
                new DownstreamErrors("agent-service", Duration.ofMillis(200)).translate(new TimeoutException());
        assertEquals("a backend service did not answer within 200 ms; retry in a few seconds", e.getMessage());
    }
}
