package dev.switchboard.thread.listing;

import static dev.switchboard.local.testing.Api.as;
import static dev.switchboard.local.testing.Api.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.thread.TestDatabase;
import dev.switchboard.thread.event.RunEventsTopic;
import dev.switchboard.thread.rest.ThreadApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tools reported by run events land in the tool-usage index, which answers toolName and includeTools. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ToolUsageIndexTest {

    @Test
    void toolNameListsThreadsWhereTheToolRanAndIncludeToolsNamesThem() throws Exception {
        String org = Api.newOrg();
        String[] threads = threads(org, 2);
        String withTools = threads[0];
        String withoutTools = threads[1];
        try (RunEventsTopic runEvents = new RunEventsTopic()) {
            publish(runEvents, org, withTools, "alice", "[\"sql_runner\", {\"name\": \"calculator\", \"count\": 3}]");
            publish(runEvents, org, withTools, "alice", "[\"sql_runner\"]");
            publish(runEvents, org, withoutTools, "alice", "[]");
        }
        JsonPath listed = awaitList(org, "toolName=calculator&includeTools=true", 1);
        assertEquals(withTools, listed.getString("conversations[0].threadId"));
        assertEquals(List.of("calculator", "sql_runner"), listed.getList("conversations[0].toolsUsed"));
        awaitList(org, "toolName=sql_runner", 1);
        JsonPath all = awaitList(org, "includeTools=true", 2);
        assertEquals(List.of(), all.getList("conversations.find { it.threadId == '" + withoutTools + "' }.toolsUsed"));
        as(Api.newOrg(), "alice")
                .get("/internal/threads?toolName=calculator")
                .then()
                .statusCode(200)
                .body("totalCount", equalTo(0));
    }

    @Test
    void participantAndToolFiltersTogetherFollowToolsAndParticipantsInEitherOrder() throws Exception {
        String org = Api.newOrg();
        String[] threads = threads(org, 2);
        String thread = threads[0];
        String other = threads[1];
        try (RunEventsTopic runEvents = new RunEventsTopic()) {
            publish(runEvents, org, thread, "alice", "[\"calculator\"]");
            publish(runEvents, org, other, "alice", "[\"http_get\"]");
            awaitList(org, "userId=alice&toolName=calculator", 1);
            // bob joins after calculator ran, and web_search runs after alice joined
            publish(runEvents, org, thread, "bob", "[\"web_search\"]");
            JsonPath bobs = awaitList(org, "userId=bob&toolName=calculator&timeframe=last_day&includeTools=true", 1);
            assertEquals(thread, bobs.getString("conversations[0].threadId"));
            assertEquals(List.of("calculator", "web_search"), bobs.getList("conversations[0].toolsUsed"));
        }
        assertEquals(
                thread, awaitList(org, "userId=alice&toolName=web_search", 1).getString("conversations[0].threadId"));
        awaitList(org, "userId=bob&toolName=http_get", 0);
        awaitList(org, "userId=alice&toolName=http_get", 1);
        awaitList(org, "userId=alice&toolName=nothing_ran", 0);
        // a tool-usage row removed from the index leaves the participants' rows too
        TestDatabase.execute("delete from thread_tool_usage where thread_id = ? and tool_name = 'calculator'", thread);
        awaitList(org, "userId=bob&toolName=calculator", 0);
        awaitList(org, "userId=bob&toolName=web_search", 1);
    }

    /** {@code count} threads of one agent, created by alice. */
    private static String[] threads(String org, int count) throws Exception {
        UUID agent = UUID.randomUUID();
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = ThreadApi.createThread(org, "alice", agent);
        }
        return ids;
    }

    private static void publish(RunEventsTopic runEvents, String org, String thread, String user, String tools) {
        runEvents.publish(
                thread,
                UUID.randomUUID().toString(),
                "switchboard.run.completed",
                org,
                thread,
                user,
                ",\"toolsUsed\":" + tools);
    }

    private static JsonPath awaitList(String org, String query, int expected) {
        // an empty page is counted on its own, so a commit in between can make the two disagree once
        return await("expected " + expected + " threads for " + query)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> asAdmin(org, "alice")
                                .get("/internal/threads?" + query)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        page -> page.getInt("totalCount") == expected
                                && page.getList("conversations").size() == expected);
    }
}
