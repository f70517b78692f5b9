package dev.switchboard.thread.listing;

import static dev.switchboard.local.testing.Api.asAdmin;
import static dev.switchboard.local.testing.Api.assertError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.thread.TestDatabase;
import dev.switchboard.thread.rest.ThreadApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Seed 001's list rules, on the internal route the gateway maps {@code GET /api/v1/skills/{id}/conversations} to. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ConversationListTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** {@code count} threads of agent 7, the first one most recently active, one minute apart. */
    private static List<String> threads(String org, int count) throws Exception {
        UUID agent = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = ThreadApi.createThread(org, "alice", agent);
            TestDatabase.setActivity(id, NOW.minus(Duration.ofMinutes(i + 1)), i, "alice");
            ids.add(id);
        }
        return ids;
    }

    private static ValidatableResponse list(String org, String query) {
        return asAdmin(org, "alice")
                .get(query.isEmpty() ? "/internal/threads" : "/internal/threads?" + query)
                .then();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("conversations.threadId");
    }

    /** The ids listed by {@code query}, which must count {@code total} threads. */
    private static List<String> ids(String org, String query, int total) {
        return ids(list(org, query)
                .statusCode(200)
                .body("totalCount", equalTo(total))
                .extract()
                .jsonPath());
    }

    /**
     * The ids on the pages of {@code query}, from the page {@code token} names (null: the first) to the last,
     * following the page tokens; each page is a 200 that {@code check} accepts.
     */
    private static List<String> pages(String org, String query, String token, Consumer<ValidatableResponse> check) {
        List<String> seen = new ArrayList<>();
        String next = token;
        do {
            ValidatableResponse response = list(org, query + (next == null ? "" : "&pageToken=" + next))
                    .statusCode(200);
            check.accept(response);
            JsonPath page = response.extract().jsonPath();
            seen.addAll(ids(page));
            next = page.getString("nextPageToken");
        } while (next != null);
        return seen;
    }

    @Test
    void defaultPagesOfTenNewestFirstWithTokensUntilTheLastPage() throws Exception {
        String org = Api.newOrg();
        List<String> all = threads(org, 12);
        JsonPath first = list(org, "")
                .statusCode(200)
                .body("pageSize", equalTo(10))
                .body("page", equalTo(0))
                .body("totalCount", equalTo(12))
                .body("conversations[0]", not(hasKey("toolsUsed")))
                .body("conversations[0].skillId", equalTo(7))
                .body("conversations[0].messageCount", equalTo(0))
                .body("conversations[0].userIds", equalTo(List.of("alice")))
                .body("conversations[0].createdAt", matchesPattern(Api.TIME))
                .body("conversations[0].updatedAt", matchesPattern(Api.TIME))
                .extract()
                .jsonPath();
        assertEquals(all.subList(0, 10), ids(first));
        JsonPath second = list(org, "pageToken=" + first.getString("nextPageToken"))
                .statusCode(200)
                .body("page", equalTo(1))
                .body("nextPageToken", nullValue())
                .body("totalCount", equalTo(12))
                .extract()
                .jsonPath();
        assertEquals(all.subList(10, 12), ids(second));
        assertTrue(second.getMap("").containsKey("nextPageToken"), "nextPageToken must be present, as null");
    }

    @Test
    void pageSizeIsClampedAndCheckedAndLegacyPagesWorkButTokensWin() throws Exception {
        String org = Api.newOrg();
        List<String> all = threads(org, 12);
        list(org, "pageSize=500")
                .statusCode(200)
                .body("pageSize", equalTo(100))
                .body("conversations.size()", equalTo(12))
                .body("nextPageToken", nullValue());
        for (String bad : List.of("0", "-3", "ten", "2.5")) {
            assertError(list(org, "pageSize=" + bad), 400, "invalid_argument", "pageSize");
        }
        for (String bad : List.of("-1", "one")) {
            assertError(list(org, "page=" + bad), 400, "invalid_argument", "page");
        }
        JsonPath legacy = list(org, "page=1&pageSize=5")
                .statusCode(200)
                .body("page", equalTo(1))
                .extract()
                .jsonPath();
        assertEquals(all.subList(5, 10), ids(legacy));
        JsonPath viaToken = list(
                        org,
                        "page=2&pageSize=5&pageToken="
                                + list(org, "pageSize=5").extract().path("nextPageToken"))
                .statusCode(200)
                .body("page", equalTo(1))
                .extract()
                .jsonPath();
        assertEquals(all.subList(5, 10), ids(viaToken), "pageToken must win over page");
    }

    @Test
    void tamperedOrForeignTokensAreRejected() throws Exception {
        String org = Api.newOrg();
        threads(org, 3);
        String token = list(org, "pageSize=1").extract().path("nextPageToken");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertError(list(org, "pageSize=1&pageToken=" + tampered), 400, "invalid_argument", "pageToken");
        assertError(list(org, "pageSize=1&pageToken=garbage"), 400, "invalid_argument", "pageToken");
        assertError(list(org, "pageSize=1&userId=alice&pageToken=" + token), 400, "invalid_argument", "pageToken");
        String other = Api.newOrg();
        assertError(list(other, "pageSize=1&pageToken=" + token), 400, "invalid_argument", "pageToken");
    }

    @Test
    void threadsCreatedWhilePagingCauseNoDuplicatesOrSkips() throws Exception {
        String org = Api.newOrg();
        List<String> all = threads(org, 9);
        JsonPath first = list(org, "pageSize=4").extract().jsonPath();
        List<String> seen = new ArrayList<>(ids(first));
        threads(org, 3); // newer activity than everything listed so far... and older ones too:
        String older = ThreadApi.createThread(org, "alice", UUID.randomUUID());
        TestDatabase.setActivity(older, NOW.minus(Duration.ofDays(1)), 1, "alice");
        seen.addAll(pages(org, "pageSize=4", first.getString("nextPageToken"), page -> {}));
        List<String> expected = new ArrayList<>(all);
        expected.add(older);
        assertEquals(expected, seen.subList(0, seen.size()));
    }

    @Test
    void timeframesFilterOnLastActivityInUtc() throws Exception {
        String org = Api.newOrg();
        UUID agent = UUID.randomUUID();
        Instant monday = NOW.atZone(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .toInstant();
        Instant firstOfMonth = NOW.atZone(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .withDayOfMonth(1)
                .toInstant();
        String hourAgo = at(org, agent, NOW.minus(Duration.ofHours(1)));
        String dayAndABitAgo = at(org, agent, NOW.minus(Duration.ofHours(25)));
        String sixDaysAgo = at(org, agent, NOW.minus(Duration.ofDays(6)));
        String eightDaysAgo = at(org, agent, NOW.minus(Duration.ofDays(8)));
        String twentyNineDaysAgo = at(org, agent, NOW.minus(Duration.ofDays(29)));
        String fortyDaysAgo = at(org, agent, NOW.minus(Duration.ofDays(40)));
        String justAfterMonday = at(org, agent, monday.plusSeconds(60));
        String justBeforeMonday = at(org, agent, monday.minusSeconds(60));
        String justAfterFirst = at(org, agent, firstOfMonth.plusSeconds(60));
        String justBeforeFirst = at(org, agent, firstOfMonth.minusSeconds(60));

        assertEquals(List.of(hourAgo), filtered(org, "last_day", List.of(hourAgo, dayAndABitAgo)));
        assertEquals(
                List.of(hourAgo, dayAndABitAgo, sixDaysAgo),
                filtered(org, "last_7_days", List.of(hourAgo, dayAndABitAgo, sixDaysAgo, eightDaysAgo)));
        assertEquals(
                List.of(hourAgo, dayAndABitAgo, sixDaysAgo, eightDaysAgo, twentyNineDaysAgo),
                filtered(
                        org,
                        "last_30_days",
                        List.of(hourAgo, dayAndABitAgo, sixDaysAgo, eightDaysAgo, twentyNineDaysAgo, fortyDaysAgo)));
        List<String> week = filtered(org, "this_week", List.of(justAfterMonday, justBeforeMonday));
        assertEquals(List.of(justAfterMonday), week);
        List<String> month = filtered(org, "this_month", List.of(justAfterFirst, justBeforeFirst));
        assertEquals(List.of(justAfterFirst), month);
        assertError(list(org, "timeframe=yesterday"), 400, "invalid_argument", "timeframe");
        list(org, "timeframe=yesterday")
                .body(
                        "error.message",
                        matchesPattern(".*last_day.*this_week.*this_month" + ".*last_7_days.*last_30_days.*"));
    }

    /** The listed threads of {@code timeframe}, restricted to {@code candidates}, in list order. */
    private static List<String> filtered(String org, String timeframe, List<String> candidates) {
        List<String> listed = list(org, "pageSize=100&timeframe=" + timeframe)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("conversations.threadId");
        List<String> result = new ArrayList<>(listed);
        result.retainAll(candidates);
        return result;
    }

    private static String at(String org, UUID agent, Instant updatedAt) throws Exception {
        String id = ThreadApi.createThread(org, "alice", agent);
        TestDatabase.setActivity(id, updatedAt, 2, "alice");
        return id;
    }

    @Test
    void participantsAgentsAndOrganisationsFilter() throws Exception {
        String org = Api.newOrg();
        List<String> mine = threads(org, 3);
        TestDatabase.setActivity(mine.get(1), NOW.minusSeconds(1), 4, "alice", "bob");
        list(org, "userId=bob")
                .statusCode(200)
                .body("totalCount", equalTo(1))
                .body("conversations[0].threadId", equalTo(mine.get(1)))
                .body("conversations[0].userIds", equalTo(List.of("alice", "bob")));
        list(org, "agentNumericId=7").statusCode(200).body("totalCount", equalTo(3));
        list(org, "agentNumericId=8").statusCode(200).body("totalCount", equalTo(0));
        assertError(list(org, "agentNumericId=x"), 400, "invalid_argument", "agentNumericId");
        list(Api.newOrg(), "").statusCode(200).body("totalCount", equalTo(0));
        assertError(list(org, "includeTools=yes"), 400, "invalid_argument", "includeTools");
    }

    @Test
    void participantFilterFollowsActivityAndParticipantChangesAndPagesByKeyset() throws Exception {
        String org = Api.newOrg();
        List<String> threads = threads(org, 5);
        TestDatabase.setActivity(threads.get(4), NOW.minusSeconds(5), 2, "alice", "carol");
        TestDatabase.setActivity(threads.get(2), NOW.minusSeconds(30), 2, "carol");
        TestDatabase.setActivity(threads.get(0), NOW.minus(Duration.ofDays(3)), 2, "carol", "alice");
        // newest activity first, paged one by one through the participant index
        assertEquals(
                List.of(threads.get(4), threads.get(2), threads.get(0)),
                pages(org, "pageSize=1&userId=carol", null, page -> page.body("totalCount", equalTo(3))));
        assertEquals(List.of(threads.get(4), threads.get(2)), ids(org, "userId=carol&timeframe=last_day", 2));
        // carol leaves one thread; a thread of another organisation with the same user stays out
        TestDatabase.setActivity(threads.get(2), NOW.minusSeconds(30), 2, "alice");
        String foreign = ThreadApi.createThread(Api.newOrg(), "carol", UUID.randomUUID());
        TestDatabase.setActivity(foreign, NOW, 1, "carol");
        assertEquals(List.of(threads.get(4), threads.get(0)), ids(org, "userId=carol", 2));
        // a deleted thread leaves the participant index with it
        TestDatabase.execute("delete from threads where id = ?", threads.get(4));
        assertEquals(
                List.of(threads.get(0)), ids(list(org, "userId=carol").extract().jsonPath()));
    }

    @Test
    void threadsActiveWithinOneMillisecondArePagedWithoutSkips() throws Exception {
        String org = Api.newOrg();
        UUID agent = UUID.randomUUID();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = ThreadApi.createThread(org, "alice", agent);
            // 100 microseconds apart: a millisecond-precision token would skip the rest of the millisecond
            TestDatabase.setActivity(id, NOW.minusMillis(10).minusNanos(i * 100_000L), 1, "alice");
            expected.add(id);
        }
        for (String filter : List.of("", "&userId=alice")) {
            assertEquals(expected, pages(org, "pageSize=1" + filter, null, page -> {}), "filter " + filter);
        }
    }

    @Test
    void totalCountIsExactUpToTenThousandAndAnEstimateAbove() throws Exception {
        String org = Api.newOrg();
        TestDatabase.execute(
                "insert into threads (id, org_id, agent_id, agent_numeric_id, created_by, created_at, "
                        + "updated_at, message_count, user_ids) select 'bulk-' || g, ?, gen_random_uuid(), 3, 'alice', now(), "
                        + "now() - g * interval '1 second', 1, '{alice}' from generate_series(1, 10500) g",
                org);
        TestDatabase.execute("analyze threads");
        JsonPath page = list(org, "pageSize=3").statusCode(200).extract().jsonPath();
        assertEquals(3, page.getList("conversations").size());
        assertTrue(page.getLong("totalCount") > 10_000, "above 10,000 the total is an estimate, never the cap");
        list(org, "pageSize=3&userId=alice&agentNumericId=3&timeframe=last_day")
                .statusCode(200)
                .body("conversations.size()", equalTo(3));
        JsonPath byUser =
                list(org, "pageSize=3&userId=alice").statusCode(200).extract().jsonPath();
        assertTrue(byUser.getLong("totalCount") > 10_000, "the participant index counts and estimates too");
        // far above the exact range the planner's estimate alone answers (no count is attempted)
        String large = Api.newOrg();
        TestDatabase.executeWithoutTriggers(
                "insert into threads (id, org_id, agent_id, agent_numeric_id, "
                        + "created_by, created_at, updated_at, message_count, user_ids) select 'large-' || g, ?, gen_random_uuid(), 3, 'alice', "
                        + "now(), now() - g * interval '1 second', 1, '{alice}' from generate_series(1, 120000) g",
                large);
        TestDatabase.execute("analyze threads");
        long estimate = list(large, "pageSize=3")
                .statusCode(200)
                .body("conversations.size()", equalTo(3))
                .extract()
                .jsonPath()
                .getLong("totalCount");
        assertTrue(estimate > 100_000 && estimate < 140_000, "an estimate near 120,000, not " + estimate);
        String small = Api.newOrg();
        threads(small, 2);
        list(small, "").body("totalCount", equalTo(2));
    }
}
