package dev.switchboard.thread.repository;

import dev.switchboard.thread.Caller;
import dev.switchboard.thread.ChatThread;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Threads, always read within one organisation. */
@ApplicationScoped
@WithSession
public class ThreadRepository implements PanacheRepositoryBase<ChatThread, String> {

    public Uni<ChatThread> findInOrg(String orgId, String threadId) {
        return find("orgId = ?1 and id = ?2", orgId, threadId).firstResult();
    }

    /** The thread if the caller reaches it (see {@link Caller#reaches}), else null. */
    public Uni<ChatThread> reachableBy(Caller caller, String threadId) {
        return findInOrg(caller.orgId(), threadId)
                .map(thread -> thread != null && caller.reaches(thread) ? thread : null);
    }

    /**
     * The thread, locked until the transaction ends: writers of its summary and of its tool-usage rows take this
     * lock first, so they neither lose each other's updates nor deadlock on the participant index.
     */
    public Uni<ChatThread> lockInOrg(String orgId, String threadId) {
        return find("orgId = ?1 and id = ?2", orgId, threadId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The thread the user currently continues with the agent, or null. */
    public Uni<ChatThread> findCurrent(String orgId, String userId, UUID agentId) {
        return find(
                        "from ChatThread t where t.orgId = ?1 and t.id = (select c.threadId from CurrentThread c "
                                + "where c.orgId = ?1 and c.userId = ?2 and c.agentId = ?3)",
                        orgId,
                        userId,
                        agentId)
                .firstResult();
    }

    /**
     * Makes {@code threadId} the user's current thread with the agent unless another one became current first
     * (a concurrent request, which this statement waits for); answers the id that is current afterwards. The
     * foreign key to threads is deferred, so the caller inserts the thread it claimed afterwards.
     */
    public Uni<String> claimCurrent(String orgId, String userId, UUID agentId, String threadId) {
        return setCurrent(orgId, userId, agentId, threadId, "do nothing")
                .chain(() -> NativeSql.single(
                        "select thread_id from current_threads where org_id = ?1 and user_id = ?2 and agent_id = ?3",
                        String.class,
                        orgId,
                        userId,
                        agentId));
    }

    /** Makes {@code threadId} the user's current thread with the agent, in place of any other. */
    public Uni<Integer> makeCurrent(String orgId, String userId, UUID agentId, String threadId) {
        return setCurrent(orgId, userId, agentId, threadId, "do update set thread_id = excluded.thread_id");
    }

    /** Inserts the user's current thread with the agent; {@code onConflict} says what to do if there is one. */
    private static Uni<Integer> setCurrent(
            String orgId, String userId, UUID agentId, String threadId, String onConflict) {
        return NativeSql.update(
                "insert into current_threads (org_id, user_id, agent_id, thread_id) values (?1, ?2, ?3, ?4) "
                        + "on conflict (org_id, user_id, agent_id) " + onConflict,
                orgId,
                userId,
                agentId,
                threadId);
    }
}
