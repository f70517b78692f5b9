package dev.switchboard.gateway.client;

import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import dev.switchboard.platform.web.downstream.DownstreamErrors;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;

/**
 * One downstream service as the client beans call it: the caller's internal token on every call (never the
 * client's own token), a deadline, and every failure turned into the answer the gateway gives.
 */
public final class Downstream {

    private final Duration timeout;
    private final InternalTokens tokens;
    private final DownstreamErrors errors;

    public Downstream(String service, Duration timeout, InternalTokens tokens) {
        this.timeout = timeout;
        this.tokens = tokens;
        this.errors = new DownstreamErrors(service, timeout);
    }

    /** Calls the service on behalf of the caller; {@code call} receives the {@code Authorization} header value. */
    public <T> Uni<T> call(Caller caller, Function<String, Uni<T>> call) {
        return tokens.authorization(caller)
                .<T>flatMap(call::apply)
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .transform(errors::translate);
    }
}
