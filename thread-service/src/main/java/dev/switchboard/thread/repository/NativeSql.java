package dev.switchboard.thread.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL in the current session (for what HQL cannot say: upserts, {@code on conflict}, jsonb casts), its
 * positional parameters {@code ?1, ?2, …} bound in the order given.
 */
final class NativeSql {

    private NativeSql() {}

    /** Runs an insert, update or delete; answers how many rows it changed. */
    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession()
                .chain(session ->
                        bind(session.createNativeQuery(sql), parameters).executeUpdate());
    }

    /** The rows of a query, as {@code type}. */
    static <T> Uni<List<T>> list(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession()
                .chain(session ->
                        bind(session.createNativeQuery(sql, type), parameters).getResultList());
    }

    /** The one row of a query, as {@code type}. */
    static <T> Uni<T> single(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession()
                .chain(session ->
                        bind(session.createNativeQuery(sql, type), parameters).getSingleResult());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
