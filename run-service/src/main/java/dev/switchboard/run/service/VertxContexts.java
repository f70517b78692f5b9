package dev.switchboard.run.service;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/** Where a run's steps continue: on the Vert.x context that started them, where Hibernate Reactive's session lives. */
final class VertxContexts {

    private VertxContexts() {}

    /** Runs a task on the Vert.x context of the caller, if any (else at once). */
    static Executor current() {
        Context context = Vertx.currentContext();
        return task -> {
            if (context != null) {
                context.runOnContext(ignored -> task.run());
            } else {
                task.run();
            }
        };
    }
}
