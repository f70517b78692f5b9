package dev.switchboard.run.provider;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP exchange of one provider call, so that a cancelled run can close it at any moment: before the
 * response's headers (the exchange's future is cancelled) and after them (the body's stream is closed), also
 * before the provider sent its first event, when langchain4j has no handle to cancel yet. langchain4j starts the
 * exchange on the thread that called the model; {@link #bind()} makes this exchange that thread's for the call,
 * and {@link AbortableHttpClient} attaches what it starts to it.
 */
final class ProviderExchange {

    private static final ThreadLocal<ProviderExchange> CURRENT = new ThreadLocal<>();

    private CompletableFuture<?> response;
    private Closeable body;
    private boolean aborted;

    /** Makes this the calling thread's exchange until the returned binding is closed. */
    Binding bind() {
        ProviderExchange previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The exchange bound to the calling thread, or null when the model is called outside a provider call. */
    static ProviderExchange current() {
        return CURRENT.get();
    }

    /** Closes the exchange now, and any part of it attached later at once. */
    void abort() {
        CompletableFuture<?> pending;
        Closeable stream;
        synchronized (this) {
            aborted = true;
            pending = response;
            stream = body;
        }
        if (pending != null) {
            pending.cancel(true);
        }
        closeQuietly(stream);
    }

    void response(CompletableFuture<?> future) {
        boolean late;
        synchronized (this) {
            response = future;
            late = aborted;
        }
        if (late) {
            future.cancel(true);
        }
    }

    void body(Closeable stream) {
        boolean late;
        synchronized (this) {
            body = stream;
            late = aborted;
        }
        if (late) {
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(Closeable stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the exchange is being abandoned: a failure to close it cleanly changes nothing
            }
        }
    }

    /** Ends a {@link #bind()}. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
