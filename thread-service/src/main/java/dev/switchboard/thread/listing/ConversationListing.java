package dev.switchboard.thread.listing;

import dev.switchboard.thread.ChatThread;
import dev.switchboard.thread.repository.ToolUsageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 001's conversation list: newest activity first, keyset pages, a total that is exact up to
 * {@link #EXACT_COUNT_LIMIT} matches and the planner's estimate above.
 */
@ApplicationScoped
public class ConversationListing {

    public static final int EXACT_COUNT_LIMIT = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    /** One page: the threads, their tools if asked for, where the next page starts, the total. */
    public record Page(List<ChatThread> threads, Map<String, List<String>> tools, PageToken next, long total) {
    }

    private final ToolUsageRepository toolUsage;

    ConversationListing(ToolUsageRepository toolUsage) {
        this.toolUsage = toolUsage;
    }

    /**
     * {@code after} (a page token's position) wins; otherwise legacy {@code page} skips page * pageSize rows.
     */
    @WithSession
    public Uni<Page> list(ConversationFilter filter, PageToken after, int page, int pageSize, boolean includeTools) {
        ConversationQuery query = new ConversationQuery(filter, Instant.now());
        long offset = after == null ? (long) page * pageSize : 0;
        int pageIndex = after == null ? page : after.page();
        return Panache.getSession().chain(session -> threads(session, query.page(after, pageSize + 1, offset))
                .chain(rows -> {
                    List<ChatThread> threads = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
                    PageToken next = rows.size() > pageSize
                            ? new PageToken(threads.get(threads.size() - 1).updatedAt,
                                    threads.get(threads.size() - 1).id, pageIndex + 1)
                            : null;
                    Uni<Map<String, List<String>>> tools = includeTools
                            ? toolUsage.toolsOf(threads.stream().map(t -> t.id).toList())
                            : Uni.createFrom().item(Map.of());
                    return tools.chain(byThread -> total(session, query)
                            .map(total -> new Page(threads, byThread, next, total)));
                }));
    }

    private static Uni<List<ChatThread>> threads(Mutiny.Session session, ConversationQuery.Sql sql) {
        Mutiny.SelectionQuery<ChatThread> query = session.createNativeQuery(sql.text(), ChatThread.class);
        bind(query, sql.parameters());
        return query.getResultList();
    }

    private static Uni<Long> total(Mutiny.Session session, ConversationQuery query) {
        ConversationQuery.Sql count = query.cappedCount(EXACT_COUNT_LIMIT + 1);
        Mutiny.SelectionQuery<Long> counting = session.createNativeQuery(count.text(), Long.class);
        bind(counting, count.parameters());
        return counting.getSingleResult().chain(exact -> exact <= EXACT_COUNT_LIMIT
                ? Uni.createFrom().item(exact)
                : estimate(session, query).map(estimate -> Math.max(estimate, exact)));
    }

    /** The first plan line's row estimate, e.g. {@code Bitmap Heap Scan on threads t (... rows=48211 ...)}. */
    private static Uni<Long> estimate(Mutiny.Session session, ConversationQuery query) {
        ConversationQuery.Sql explain = query.estimate();
        Mutiny.SelectionQuery<String> plan = session.createNativeQuery(explain.text(), String.class);
        bind(plan, explain.parameters());
        return plan.getResultList().map(lines -> {
            Matcher rows = PLAN_ROWS.matcher(lines.isEmpty() ? "" : lines.get(0));
            return rows.find() ? Long.parseLong(rows.group(1)) : 0L;
        });
    }

    private static void bind(Mutiny.SelectionQuery<?> query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
