package dev.switchboard.platform.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The last resort answers the error body: 500 with a message that shows nothing of the failure. */
class UnexpectedErrorMapperTest {

    final UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

    @Test
    void aBugIs500InternalWithAGenericMessage() {
        Response response = mapper.toResponse(new IllegalStateException("NullPointerException in RunLedger"));
        assertEquals(500, response.getStatus());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("internal", body.error().code());
        assertEquals("internal error", body.error().message());
    }

    @Test
    void anUnreachableBackingServiceIs503() {
        Response response = mapper.toResponse(new RuntimeException(new ConnectException("Connection refused")));
        assertEquals(503, response.getStatus());
        assertEquals("unavailable", ((ErrorBody) response.getEntity()).error().code());
        assertEquals("2", response.getHeaderString("Retry-After"), "a 503 always says when to retry");
    }

    @Test
    void onlyA503SaysWhenToRetry() {
        assertEquals(null, mapper.toResponse(new IllegalStateException("x")).getHeaderString("Retry-After"));
        assertEquals("2", ErrorBody.response(503, "unavailable", "down", null).getHeaderString("Retry-After"));
    }
}
