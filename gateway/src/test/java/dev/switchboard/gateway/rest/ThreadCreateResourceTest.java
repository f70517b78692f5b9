package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertError;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.security.UserTokens;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seed 002: a thread with its first message, files and an Idempotency-Key, against the contract stubs. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class ThreadCreateResourceTest extends WithStubbedAgent {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String BODY = """
            {"client_external_ref": "linear-ENG-123",
             "input": {"content": [{"text": "Summarize the launch plan.", "type": "text"}], "type": "user.message"}}""";

    @AfterEach
    void noHold() {
        stubs.runService().holdRuns(null);
    }

    private String threads() {
        return "/api/v1/agents/" + agent.id() + "/threads";
    }

    private ValidatableResponse create(String key, String body) {
        var request = api.json(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(threads()).then();
    }

    private String fileId() {
        return Uploads.uploaded(api.request(), "plan.md", "launch plan".getBytes(), "text/markdown");
    }

    private long threadsCreated() {
        return stubs.threadService().received().stream()
                .filter(r -> r.method().equals("POST") && r.pathAndQuery().equals("/internal/threads/with-message"))
                .count();
    }

    @Test
    void aThreadIsCreatedWithItsFirstMessageAndAnswered() throws Exception {
        String file = fileId();
        ExtractableResponse<Response> created = create(null, """
                {"client_external_ref": "linear-ENG-123", "attributed_user_id": "carol",
                 "files": [{"file_id": "%s"}],
                 "input": {"content": [{"text": "Summarize the attached launch plan.", "type": "text"}],
                 "type": "user.message"}}""".formatted(file))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("run.id", notNullValue())
                .body("run.createdAt", matchesPattern(Api.TIME))
                .body("run.startedAt", matchesPattern(Api.TIME))
                .body("run.completedAt", matchesPattern(Api.TIME))
                .body("run.updatedAt", matchesPattern(Api.TIME))
                .body("thread.agent_id", equalTo(Long.toString(agent.id())))
                .body("thread.attributed_user.id", equalTo("carol"))
                .body("thread.client_external_ref", equalTo("linear-ENG-123"))
                .body("thread.created_at", matchesPattern(Api.TIME))
                .body("thread.created_by.id", equalTo(api.user))
                .body("thread.source", equalTo("api"))
                .body("thread.title", equalTo("Summarize the attached launch plan."))
                .body("thread.updated_at", matchesPattern(Api.TIME))
                .extract();
        String threadId = created.path("thread.id");
        assertEquals(created.path("run.id"), (String) created.path("thread.last_run_id"));
        assertEquals("/api/v1/agents/" + agent.id() + "/conversations/" + threadId, created.path("links.thread"));
        assertEquals(created.path("links.thread"), created.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals(List.of(file), stubs.threadService().starts().attachments(threadId));

        JsonNode run = stubs.runService().lastRun();
        assertEquals("existing", run.get("threadMode").asText());
        assertEquals(threadId, run.get("threadId").asText());
        assertEquals("Summarize the attached launch plan.", run.get("message").asText());
        assertTrue(run.hasNonNull("userMessageId"));

        // the conversation shows the first message once, then the answer
        api.request()
                .get((String) created.path("links.thread"))
                .then()
                .statusCode(200)
                .body("messages.size()", equalTo(2))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].content", equalTo("Summarize the attached launch plan."))
                .body("messages[1].role", equalTo("assistant"));
    }

    @Test
    void withoutOptionalFieldsAttributedUserIsNull() {
        create(null, """
                {"input": {"type": "user.message", "content": [{"type": "text", "text": "hi"}]}}""")
                .statusCode(201)
                .body("thread.attributed_user", nullValue())
                .body("thread.client_external_ref", nullValue());
    }

    @Test
    void theSameKeyAndRequestReturnsTheOriginalAnswerAndMakesOneThread() {
        String key = "retry-" + UUID.randomUUID();
        long before = threadsCreated();
        String first = create(key, BODY).statusCode(201).extract().asString();
        ExtractableResponse<Response> again =
                create(key, BODY.replace("\n", " ")).statusCode(201).extract();
        assertEquals(JSON.valueToTree(parse(first)), JSON.valueToTree(parse(again.asString())));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, threadsCreated() - before);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        String key = "k-" + UUID.randomUUID();
        create(key, BODY).statusCode(201);
        assertError(
                create(key, BODY.replace("linear-ENG-123", "linear-ENG-124")), 422, "unprocessable", "Idempotency-Key");
    }

    @Test
    void theSameKeyWhileTheFirstIsStillRunningIs409() throws Exception {
        String key = "slow-" + UUID.randomUUID();
        Gate gate = new Gate();
        stubs.runService().holdRuns(gate);
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> create(key, BODY).extract().statusCode());
        // the first request is at run-service, held there: it is still running
        assertTrue(gate.awaitHeld(WAIT), "the first request reached run-service");
        assertError(create(key, BODY), 409, "conflict", "Idempotency-Key");
        gate.open();
        assertEquals(201, first.get());
        create(key, BODY).statusCode(201);
    }

    @Test
    void twoConcurrentRequestsWithOneKeyCreateOneThread() throws Exception {
        String key = "race-" + UUID.randomUUID();
        long before = threadsCreated();
        Gate gate = new Gate();
        stubs.runService().holdRuns(gate);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> create(key, BODY).extract().statusCode()));
            }
            // one of the two is held at run-service while the other is answered: they overlap
            assertTrue(gate.awaitHeld(WAIT), "a request reached run-service");
            await().atMost(WAIT).until(() -> calls.stream().anyMatch(Future::isDone));
            gate.open();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : calls) {
                statuses.add(f.get());
            }
            assertTrue(statuses.contains(201), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, threadsCreated() - before);
    }

    @Test
    void keysArePerCaller() {
        String key = "shared-" + UUID.randomUUID();
        String mine = create(key, BODY).statusCode(201).extract().path("thread.id");
        Api other = new Api();
        StubWorld.Agent theirs = stubs.world().addAgent(other.org, null, "Theirs", "gpt-5-mini");
        String theirsThread = other.json(BODY)
                .header("Idempotency-Key", key)
                .post("/api/v1/agents/" + theirs.id() + "/threads")
                .then()
                .statusCode(201)
                .extract()
                .path("thread.id");
        assertNotEquals(mine, theirsThread);
    }

    @Test
    void aFailedRunReleasesTheKey() {
        String key = "fail-" + UUID.randomUUID();
        stubs.runService().failNextWith(500);
        assertError(create(key, BODY), 502, "bad_gateway", null);
        create(key, BODY).statusCode(201);
    }

    @Test
    void badIdempotencyKeysAre400() {
        assertError(create("k".repeat(129), BODY), 400, "invalid_argument", "Idempotency-Key");
        create("k".repeat(128), BODY).statusCode(201);
    }

    @Test
    void validationFailuresNameTheFieldAndStoreNothing() {
        String key = "bad-" + UUID.randomUUID();
        assertError(
                create(
                        key,
                        "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", "
                                + "\"text\": \"\"}]}}"),
                400,
                "invalid_argument",
                "input.content[0].text");
        assertError(
                create(key, "{\"input\": {\"type\": \"system.message\", \"content\": []}}"),
                400,
                "invalid_argument",
                "input.type");
        assertError(
                create(key, "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"image\"}]}}"),
                400,
                "invalid_argument",
                "input.content[0].type");
        assertError(
                create(key, BODY.replace("linear-ENG-123", "r".repeat(256))),
                400,
                "invalid_argument",
                "client_external_ref");
        assertError(
                        create(
                                key,
                                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", "
                                        + "\"text\": 5}]}}"),
                        400,
                        "invalid_argument",
                        "input.content[0].text")
                .body("error.message", equalTo("input.content[0].text must be a string"));
        assertError(create(key, "{\"input\": "), 400, "invalid_argument", "input"); // the body ends where input is
        assertError(create(null, ""), 400, "invalid_argument", null);
        // none of them used the key
        create(key, BODY).statusCode(201);
    }

    @Test
    void unknownOrForeignFilesAreNotFoundNamingTheHandle() {
        String mine = fileId();
        Api other = new Api();
        String theirs = Uploads.uploaded(other.request(), "x.txt", "x".getBytes(), "text/plain");
        String body = """
                {"files": [{"file_id": "%s"}, {"file_id": "%s"}],
                 "input": {"type": "user.message", "content": [{"type": "text", "text": "hi"}]}}""";
        assertError(create(null, body.formatted(mine, theirs)), 404, "not_found", "files[1].file_id");
        assertError(
                create(null, body.formatted(mine, "file_01KQX0V62MEXAMPLE7W6X3B2A")),
                404,
                "not_found",
                "files[1].file_id");
        assertError(create(null, body.formatted(mine, "nope")), 400, "invalid_argument", "files[1].file_id");
    }

    @Test
    void unknownAgentIs404() {
        assertError(api.json(BODY).post("/api/v1/agents/999999/threads").then(), 404, "not_found", null);
    }

    @Test
    void serviceTokensCannotAttachFiles() {
        String service = UserTokens.service(api.org);
        ValidatableResponse refused = UserTokens.bearer(service)
                .contentType(ContentType.JSON)
                .body("""
                        {"files": [{"file_id": "file_01KQX0V62MEXAMPLE7W6X3B2A"}],
                         "input": {"type": "user.message", "content": [{"type": "text", "text": "hi"}]}}""")
                .post(threads())
                .then();
        assertError(
                refused,
                403,
                "permission_denied",
                "files",
                "Organization Service tokens cannot attach files until service-token file uploads are available");
        // without files a service token may create threads
        UserTokens.bearer(service)
                .contentType(ContentType.JSON)
                .body(BODY)
                .post(threads())
                .then()
                .statusCode(201);
    }

    @Test
    void withoutATokenItIs401() {
        given().contentType(ContentType.JSON).body(BODY).post(threads()).then().statusCode(401);
    }

    private static Object parse(String body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
