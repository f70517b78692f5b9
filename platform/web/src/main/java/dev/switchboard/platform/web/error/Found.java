package dev.switchboard.platform.web.error;

import io.smallrye.mutiny.Uni;

/** A lookup that must find something: its item, or the one 404 {@code not_found} answer when it found nothing. */
public final class Found {

    private Found() {}

    /** The item {@code lookup} finds, or a 404 with {@code message} when it finds none (null). */
    public static <T> Uni<T> orNotFound(Uni<T> lookup, String message) {
        return orNotFound(lookup, message, null);
    }

    /** The item {@code lookup} finds, or a 404 with {@code message} naming {@code field} when it finds none. */
    public static <T> Uni<T> orNotFound(Uni<T> lookup, String message, String field) {
        return lookup.onItem().ifNull().failWith(() -> ApiException.notFound(message, field));
    }
}
