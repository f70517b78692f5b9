package dev.switchboard.run.client;

import dev.switchboard.platform.web.downstream.DownstreamErrors;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.replicas.Failover;
import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * How the clients call another service: a timeout on every call, a retry with back-off of idempotent calls whose
 * connection failed, and the failure turned into the {@link ApiException} run-service answers by the platform's
 * {@link DownstreamErrors} (the same rules as the gateway's). With replicas of the service
 * ({@code switchboard.replicas.<service>}), any call that could not connect to one replica is sent to another at
 * once (platform/web {@link Failover}: the request never left, so even a call that must not be repeated is safe).
 */
final class DownstreamCall {

    private final RunsConfig.Client config;
    private final DownstreamErrors errors;
    private final Failover failover;

    /** {@code service} is the callee's REST client config key ({@code thread-service}). */
    DownstreamCall(String service, RunsConfig.Client config) {
        this.config = config;
        this.errors = new DownstreamErrors(service, config.timeout());
        this.failover = new Failover(service);
    }

    /** A call that may be sent again: retried when the connection failed, also after the request went out. */
    <T> Uni<T> idempotent(Supplier<Uni<? extends T>> call) {
        return once(call)
                .onFailure(failure ->
                        DownstreamErrors.isConnectionFailure(failure) || DownstreamErrors.isLostAfterSent(failure))
                .retry()
                .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(8))
                .atMost(config.retries());
    }

    /** A call that must not be repeated. */
    <T> Uni<T> once(Supplier<Uni<? extends T>> call) {
        return failover.<T>call(() -> Uni.createFrom().deferred(call))
                .ifNoItem()
                .after(config.timeout())
                .fail();
    }

    static boolean isNotFound(Throwable failure) {
        return DownstreamErrors.isNotFound(failure);
    }

    /** The answer run-service gives for a failed call. */
    ApiException translate(Throwable failure) {
        return errors.translate(failure);
    }
}
