package dev.switchboard.thread.repository;

import dev.switchboard.thread.ThreadMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Messages of a thread, in the order they were appended. */
@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepositoryBase<ThreadMessage, UUID> {

    /** The newest {@code limit} messages of the thread, oldest first. */
    public Uni<List<ThreadMessage>> newest(String threadId, int limit) {
        return find("threadId", Sort.descending("seq"), threadId)
                .page(0, limit)
                .list()
                .map(newestFirst -> {
                    List<ThreadMessage> ordered = new ArrayList<>(newestFirst);
                    Collections.reverse(ordered);
                    return ordered;
                });
    }

    /**
     * Inserts the message unless one with its id exists already (a retry); answers whether it inserted.
     * Safe against a concurrent insert of the same id.
     */
    public Uni<Boolean> insertIfAbsent(ThreadMessage m) {
        return NativeSql.update(
                        "insert into messages (id, thread_id, org_id, role, content, user_id, run_id, created_at, "
                                + "content_html, metadata, attachments, tool_calls) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                // text first: a jsonb parameter would take a Java string as a JSON string value
                                + "?9, cast(cast(?10 as text) as jsonb), cast(cast(?11 as text) as jsonb), "
                                + "cast(cast(?12 as text) as jsonb)) "
                                + "on conflict (id) do nothing",
                        m.id,
                        m.threadId,
                        m.orgId,
                        m.role,
                        m.content,
                        m.userId,
                        m.runId,
                        m.createdAt,
                        m.contentHtml,
                        m.metadata,
                        m.attachments,
                        m.toolCalls)
                .map(rows -> rows == 1);
    }

    public Uni<Long> countInThread(String threadId) {
        return count("threadId", threadId);
    }

    public Uni<ThreadMessage> firstUserMessage(String threadId) {
        return find("threadId = ?1 and role = 'user'", Sort.ascending("seq"), threadId)
                .firstResult();
    }

    /** The message of the thread with that id, or null. */
    public Uni<ThreadMessage> findInThread(String threadId, UUID id) {
        return find("threadId = ?1 and id = ?2", threadId, id).firstResult();
    }

    /** The newest user message before the given position of the thread (the one an answer replied to), or null. */
    public Uni<ThreadMessage> userMessageBefore(String threadId, long seq) {
        return find("threadId = ?1 and role = 'user' and seq < ?2", Sort.descending("seq"), threadId, seq)
                .firstResult();
    }

    public Uni<ThreadMessage> lastMessage(String threadId) {
        return find("threadId", Sort.descending("seq"), threadId).firstResult();
    }
}
