package dev.switchboard.gateway.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 001: the gateway checks the skill scope and hands the query to thread-service unchanged. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class SkillConversationResourceTest {

    ServiceStubs stubs;

    final Api api = new Api();

    private ValidatableResponse conversations(Object skill, String query) {
        return api.request()
                .get("/api/v1/skills/" + skill + "/conversations" + query)
                .then();
    }

    @Test
    void skillZeroListsEveryAgentAndPassesTheQueryThrough() {
        ValidatableResponse listed = conversations(
                        0,
                        "?pageSize=25&userId=user_abc&toolName=sql_runner"
                                + "&timeframe=last_7_days&includeTools=true&page=2&pageToken=t0k")
                .statusCode(200)
                .body("conversations.size()", equalTo(0));
        Map.of(
                        "agentNumericId", "0",
                        "pageSize", "25",
                        "userId", "user_abc",
                        "toolName", "sql_runner",
                        "timeframe", "last_7_days",
                        "includeTools", "true",
                        "page", "2",
                        "pageToken", "t0k")
                .forEach((parameter, value) -> listed.body("receivedQuery." + parameter, equalTo(value)));
        conversations(0, "").statusCode(200).body("receivedQuery", not(hasKey("pageSize")));
    }

    @Test
    void aSkillIsOneOfTheOrganisationsAgentsByNumericId() {
        StubWorld.Agent agent = stubs.world().addAgent(api.org, null, "Analyst", "gpt-5-mini");
        conversations(agent.id(), "")
                .statusCode(200)
                .body("receivedQuery.agentNumericId", equalTo(Long.toString(agent.id())));
        StubWorld.Agent foreign = stubs.world().addAgent("org-other", null, "Theirs", "gpt-5-mini");
        conversations(foreign.id(), "").statusCode(404).body("error.code", equalTo("not_found"));
        for (String bad : new String[] {"abc", "-1", "4.2"}) {
            conversations(bad, "").statusCode(400).body("error.field", equalTo("id"));
        }
    }
}
