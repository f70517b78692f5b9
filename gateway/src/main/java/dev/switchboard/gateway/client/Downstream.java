package dev.switchboard.gateway.client;

import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import dev.switchboard.platform.web.downstream.DownstreamErrors;
import dev.switchboard.platform.web.replicas.Failover;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;

/**
 * One downstream service as the client beans call it: the caller's internal token on every call (never the
 * client's own token), a deadline, and every failure turned into the answer the gateway gives. With replicas of
 * the service ({@code switchboard.replicas.<service>}), a call that could not connect to one replica is sent to
 * another within the same deadline (platform/web {@code Failover}).
 */
public final class Downstream {

    private final Duration timeout;
    private final InternalTokens tokens;
    private final DownstreamErrors errors;
    private final Failover failover;

    /** {@code service} is the callee's REST client config key ({@code run-service}). */
    public Downstream(String service, Duration timeout, InternalTokens tokens) {
        this.timeout = timeout;
        this.tokens = tokens;
        this.errors = new DownstreamErrors(service, timeout);
        this.failover = new Failover(service);
    }

    /** Calls the service on behalf of the caller; {@code call} receives the {@code Authorization} header value. */
    public <T> Uni<T> call(Caller caller, Function<String, Uni<T>> call) {
        return tokens.authorization(caller)
                .<T>flatMap(auth -> failover.call(() -> call.apply(auth)))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .transform(errors::translate);
    }
}
