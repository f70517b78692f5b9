package dev.switchboard.thread.repository;

import dev.switchboard.thread.ThreadMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** What each user has read: per thread, the sequence number of the last message read. */
@ApplicationScoped
public class ReadMarkRepository {

    private static final String UNREAD = "from messages m join threads t on t.id = m.thread_id "
            + "left join read_marks r on r.org_id = t.org_id and r.user_id = ?2 and r.thread_id = t.id "
            + "where t.org_id = ?1 and t.created_by = ?2 and t.agent_id = ?3 and m.role = 'assistant' "
            + "and m.seq > coalesce(r.last_read_seq, 0)";

    /** Unread assistant messages of the user's conversations with the agent, oldest first. */
    public Uni<List<ThreadMessage>> unread(String orgId, String userId, UUID agentId, int limit) {
        return NativeSql.list(
                "select m.* " + UNREAD + " order by m.created_at, m.seq limit " + limit,
                ThreadMessage.class,
                orgId,
                userId,
                agentId);
    }

    public Uni<Long> unreadCount(String orgId, String userId, UUID agentId) {
        return NativeSql.single("select count(*) " + UNREAD, Long.class, orgId, userId, agentId);
    }

    /**
     * Marks read, in each of the user's conversations with the agent (or only {@code threadId}), every
     * message up to {@code uptoSeq} (null: all); answers how many unread assistant messages that covered.
     */
    public Uni<Long> markRead(String orgId, String userId, UUID agentId, String threadId, Long uptoSeq) {
        String scope =
                "t.org_id = ?1 and t.created_by = ?2 and t.agent_id = ?3" + (threadId == null ? "" : " and t.id = ?4");
        String limit = uptoSeq == null ? "" : " and m.seq <= " + uptoSeq;
        Object[] parameters = threadId == null
                ? new Object[] {orgId, userId, agentId}
                : new Object[] {orgId, userId, agentId, threadId};
        return NativeSql.single(
                        "select count(*) " + UNREAD + (threadId == null ? "" : " and t.id = ?4") + limit,
                        Long.class,
                        parameters)
                .call(() -> NativeSql.update(
                        "insert into read_marks (org_id, user_id, thread_id, last_read_seq) "
                                + "select t.org_id, ?2, t.id, max(m.seq) from threads t join messages m on m.thread_id = t.id "
                                + "where " + scope + limit + " group by t.org_id, t.id "
                                + "on conflict (org_id, user_id, thread_id) do update set last_read_seq = "
                                + "greatest(read_marks.last_read_seq, excluded.last_read_seq)",
                        parameters));
    }
}
