package dev.switchboard.gateway.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A path, query or header parameter the API refuses before any service is called ({@link TextParameters}):
 * 400 {@code invalid_argument} naming the parameter. A {@link jakarta.ws.rs.WebApplicationException}, so that
 * Quarkus REST passes it on as it is rather than as a 404 or a bare 400.
 */
public class InvalidParameter extends BadRequestException {

    private final String parameter;

    InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
