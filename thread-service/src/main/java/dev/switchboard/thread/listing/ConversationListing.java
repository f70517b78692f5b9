package dev.switchboard.thread.listing;

import dev.switchboard.thread.rest.ConversationListResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 001's conversation list: newest activity first, keyset pages, a total that is exact up to
 * {@link #EXACT_COUNT_LIMIT} matches and the planner's estimate above. A read-only path that runs its few
 * statements straight on the reactive pool: the planner's estimate first (not for a participant filter, whose
 * matches are few enough to count), then the page with its tools and (unless the estimate is far above the
 * limit) the capped count, in one statement.
 */
@ApplicationScoped
public class ConversationListing {

    public static final int EXACT_COUNT_LIMIT = 10_000;
    /**
     * Above this many estimated matches the exact count is not attempted: the planner would have to be wrong
     * by a factor of ten for the true total to be within the exact range.
     */
    static final long SKIP_COUNT_ESTIMATE = 10L * EXACT_COUNT_LIMIT;
    /** How long a planner's estimate is reused for the same filter. */
    static final Duration ESTIMATE_FOR = Duration.ofSeconds(10);

    private static final int MAX_ESTIMATES = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");
    /** No estimate asked for (yet). */
    private static final long UNKNOWN = -1;

    /** One page: the threads (with their tools when they were asked for), where the next page starts, the total. */
    public record Page(List<ConversationListResponse.Item> threads, PageToken next, long total) {}

    private final Pool pool;
    private final Map<ConversationFilter, Estimate> estimates = new ConcurrentHashMap<>();

    ConversationListing(Pool pool) {
        this.pool = pool;
    }

    /**
     * {@code after} (a page token's position) wins; otherwise legacy {@code page} skips page * pageSize rows.
     */
    public Uni<Page> list(ConversationFilter filter, PageToken after, int page, int pageSize, boolean includeTools) {
        ConversationQuery query = new ConversationQuery(filter, Instant.now());
        long offset = after == null ? (long) page * pageSize : 0;
        int pageIndex = after == null ? page : after.page();
        // a participant's threads are few enough to count right away; other filters ask the planner first
        Uni<Long> planned = filter.userId() != null ? Uni.createFrom().item(UNKNOWN) : estimate(filter, query);
        return planned.chain(estimate -> {
            boolean count = estimate < SKIP_COUNT_ESTIMATE;
            ConversationQuery.Sql sql =
                    query.page(after, pageSize + 1, offset, includeTools, count ? EXACT_COUNT_LIMIT + 1 : 0);
            return run(sql).chain(rows -> {
                List<ConversationListResponse.Item> threads = new ArrayList<>(Math.min(rows.size(), pageSize));
                Long capped = null;
                for (Row row : rows) {
                    if (capped == null && count) {
                        capped = row.getLong("capped");
                    }
                    if (threads.size() < pageSize) {
                        threads.add(conversation(row, includeTools));
                    }
                }
                PageToken next = rows.size() > pageSize
                        ? new PageToken(
                                threads.get(pageSize - 1).updatedAt(),
                                threads.get(pageSize - 1).threadId(),
                                pageIndex + 1)
                        : null;
                Uni<Long> total;
                if (!count) {
                    total = Uni.createFrom().item(estimate);
                } else {
                    // an empty page (past the end) carries no count column: count on its own
                    Uni<Long> exact = capped != null
                            ? Uni.createFrom().item(capped)
                            : run(query.cappedCount(EXACT_COUNT_LIMIT + 1))
                                    .map(r -> r.iterator().next().getLong(0));
                    total = exact.chain(n -> n <= EXACT_COUNT_LIMIT || estimate != UNKNOWN
                            ? Uni.createFrom().item(total(n, estimate))
                            : estimate(filter, query).map(e -> total(n, e)));
                }
                return total.map(t -> new Page(threads, next, t));
            });
        });
    }

    private static long total(long capped, long estimate) {
        return capped <= EXACT_COUNT_LIMIT ? capped : Math.max(capped, estimate);
    }

    /**
     * The first plan line's row estimate, e.g. {@code Index Only Scan using ... (cost=... rows=48211 ...)}, reused
     * for {@link #ESTIMATE_FOR} per filter: it is an estimate either way, and it only decides whether to count
     * (an exact count up to the limit is never taken from it) and what to report above the limit.
     */
    private Uni<Long> estimate(ConversationFilter filter, ConversationQuery query) {
        long now = System.nanoTime();
        Estimate cached = estimates.get(filter);
        if (cached != null && now - cached.at() < ESTIMATE_FOR.toNanos()) {
            return Uni.createFrom().item(cached.rows());
        }
        return run(query.estimate()).map(plan -> {
            Matcher rows = PLAN_ROWS.matcher(
                    plan.size() == 0 ? "" : plan.iterator().next().getString(0));
            long estimate = rows.find() ? Long.parseLong(rows.group(1)) : 0L;
            if (estimates.size() >= MAX_ESTIMATES) {
                estimates.clear();
            }
            estimates.put(filter, new Estimate(estimate, now));
            return estimate;
        });
    }

    private record Estimate(long rows, long at) {}

    private Uni<RowSet<Row>> run(ConversationQuery.Sql sql) {
        return pool.preparedQuery(sql.text()).execute(Tuple.from(sql.parameters()));
    }

    private static ConversationListResponse.Item conversation(Row row, boolean includeTools) {
        String[] users = row.getArrayOfStrings("user_ids");
        String[] tools = includeTools ? row.getArrayOfStrings("tools") : null;
        return new ConversationListResponse.Item(
                row.getString("id"),
                row.getLong("agent_numeric_id"),
                row.getString("first_message"),
                row.getString("title"),
                row.getInteger("message_count"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant(),
                users == null ? List.of() : Arrays.asList(users),
                tools == null ? (includeTools ? List.of() : null) : Arrays.asList(tools));
    }
}
