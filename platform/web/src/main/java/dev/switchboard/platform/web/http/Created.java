package dev.switchboard.platform.web.http;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The answers of a call that may create a resource: 201 with its {@code Location} and itself as the body. */
public final class Created {

    private Created() {}

    /** 201: {@code entity}, new at {@code location} (a path, as the API shows it). */
    public static <T> RestResponse<T> at(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .entity(entity)
                .build();
    }

    /** 201 at {@code location} when the call created {@code entity}, else 200 (an idempotent repeat). */
    public static <T> RestResponse<T> atOrOk(boolean created, String location, T entity) {
        return created ? at(location, entity) : RestResponse.ok(entity);
    }
}
