package dev.switchboard.platform.web.error;

import dev.switchboard.platform.web.Causes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.ConnectException;
import org.jboss.logging.Logger;

/**
 * The last resort, so that even a bug answers the one error body: the failure is logged here with its stack
 * trace, the client only learns that it failed (503 when a backing service is unreachable, else 500).
 * Every expected failure has a narrower mapper, which JAX-RS prefers.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Exception e) {
        if (Causes.find(e, ConnectException.class) != null) {
            LOG.warnf("a backing service is unreachable: %s", e.toString());
            return ErrorBody.response(503, "unavailable", "a backing service is unavailable, try again", null);
        }
        LOG.error("unexpected failure", e);
        return ErrorBody.response(500, "internal", "internal error", null);
    }
}
