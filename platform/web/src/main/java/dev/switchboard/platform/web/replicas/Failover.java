package dev.switchboard.platform.web.replicas;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Calls another replica when a call never reached one: the connection was refused or not accepted in time
 * ({@link Replicas#notSent}). Safe for any method, a POST too, since no byte of the request was delivered; a call
 * that failed once it was sent is never repeated here. Each new attempt goes through {@link ReplicaFilter} again,
 * which picks the next replica and skips the one that refused. A service with a single URL is called once, as before.
 */
public final class Failover {

    private final int attempts;

    /** Up to as many attempts as the client with this config key has replicas. */
    public Failover(String configKey) {
        this(Replicas.current().attempts(configKey));
    }

    Failover(int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    public int attempts() {
        return attempts;
    }

    /** {@code call} (a fresh call each time it is invoked), again on another replica while it was not sent. */
    public <T> Uni<T> call(Supplier<Uni<T>> call) {
        Uni<T> once = Uni.createFrom().deferred(() -> call.get());
        return attempts == 1 ? once : once.onFailure(Replicas::notSent).retry().atMost(attempts - 1L);
    }

    /**
     * A stream, subscribed again on another replica while it failed before its first item (the request was not
     * sent); once an item came, a failure is the stream's.
     */
    public <T> Multi<T> stream(Supplier<Multi<T>> stream) {
        if (attempts == 1) {
            return Multi.createFrom().deferred(() -> stream.get());
        }
        return Multi.createFrom().deferred(() -> {
            AtomicBoolean started = new AtomicBoolean();
            return Multi.createFrom()
                    .deferred(() -> stream.get())
                    .onItem()
                    .invoke(() -> started.set(true))
                    .onFailure(failure -> !started.get() && Replicas.notSent(failure))
                    .retry()
                    .atMost(attempts - 1L);
        });
    }
}
