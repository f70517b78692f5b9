package dev.switchboard.run.client;

import dev.switchboard.run.config.RunsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * thread-service, as run-service sees it: timeouts, retries of the idempotent calls (reads, the
 * caller's current thread, and appends, which are idempotent by message id), a missing thread as an
 * empty answer.
 */
@ApplicationScoped
public class ThreadClient {

    static final String SERVICE = "thread-service";

    private final ThreadRestClient rest;
    private final DownstreamCall call;

    public ThreadClient(@RestClient ThreadRestClient rest, RunsConfig config) {
        this.rest = rest;
        this.call = new DownstreamCall(SERVICE, config.client());
    }

    /** A new thread with the agent; not retried, since a second call would make a second thread. */
    public Uni<ThreadView> create(UUID agentId, long agentNumericId, String authorization) {
        return call.once(() -> rest.create(new NewThread(agentId, agentNumericId), authorization))
                .onFailure()
                .transform(call::translate);
    }

    /** The caller's current thread with the agent, created by thread-service if there is none. */
    public Uni<ThreadView> current(UUID agentId, long agentNumericId, String authorization) {
        return call.idempotent(() -> rest.current(new NewThread(agentId, agentNumericId), authorization))
                .onFailure()
                .transform(call::translate);
    }

    /** The thread, if it exists in the caller's org. */
    public Uni<Optional<ThreadView>> find(String threadId, String authorization) {
        return call.idempotent(() -> rest.get(threadId, authorization))
                .map(Optional::of)
                .onFailure(DownstreamCall::isNotFound)
                .recoverWithItem(Optional.empty())
                .onFailure()
                .transform(call::translate);
    }

    /** Appends a message; the same message id again returns the stored message unchanged. */
    public Uni<MessageView> append(String threadId, NewMessage message, String authorization) {
        return call.idempotent(() -> rest.append(threadId, message, authorization))
                .onFailure()
                .transform(call::translate);
    }

    /** The newest {@code limit} messages of the thread, oldest first. */
    public Uni<List<MessageView>> recentMessages(String threadId, int limit, String authorization) {
        return call.idempotent(() -> rest.messages(threadId, limit, authorization))
                .map(list -> list.messages() == null ? List.<MessageView>of() : list.messages())
                .onFailure()
                .transform(call::translate);
    }
}
