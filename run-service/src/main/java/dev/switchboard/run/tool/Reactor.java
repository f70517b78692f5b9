package dev.switchboard.run.tool;

import io.smallrye.mutiny.Uni;
import reactor.core.publisher.Mono;

/** Bridges the MCP SDK's Reactor types to Mutiny; the Mono is subscribed to only when the Uni is. */
final class Reactor {

    private Reactor() {}

    static <T> Uni<T> toUni(Mono<T> mono) {
        return Uni.createFrom().completionStage(mono::toFuture);
    }
}
