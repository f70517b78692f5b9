package dev.switchboard.platform.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A failure and its causes, outermost first: how every service looks for what a wrapped failure is really about
 * (a timeout, a refused connection, a constraint, its own refusal). A cause that is its own cause ends the chain.
 */
public final class Causes {

    private Causes() {}

    /** {@code failure} then its causes, outermost first; empty for null. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost of the failure and its causes that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /** Whether the failure or one of its causes passes {@code test}. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return of(failure).anyMatch(test);
    }

    /** Whether the failure or one of its causes is one of {@code types}. */
    public static boolean anyOf(Throwable failure, List<Class<? extends Throwable>> types) {
        return any(failure, t -> types.stream().anyMatch(type -> type.isInstance(t)));
    }
}
