package dev.switchboard.platform.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.Test;

/** The status and message a failure of the HTTP layer is answered with. */
class FailureRouteTest {

    @Test
    void securityFailuresAre401Or403() {
        assertEquals(401, FailureRoute.statusOf(-1, new AuthenticationFailedException()));
        assertEquals(401, FailureRoute.statusOf(-1, new UnauthorizedException()));
        assertEquals(403, FailureRoute.statusOf(-1, new ForbiddenException()));
    }

    @Test
    void aStatusGivenByTheHttpLayerIsKept() {
        assertEquals(413, FailureRoute.statusOf(413, null));
        assertEquals(400, FailureRoute.statusOf(-1, new HttpException(400)));
        assertEquals("the request body is too large", FailureRoute.messageFor(413));
    }

    @Test
    void anythingElseIs500WithAMessageThatNamesNothingInternal() {
        assertEquals(500, FailureRoute.statusOf(-1, new IllegalStateException("thread-service broke")));
        assertEquals(500, FailureRoute.statusOf(200, null));
        String message = FailureRoute.messageFor(500);
        assertEquals("the request failed; retry later", message);
        assertFalse(message.contains("Exception"));
    }
}
