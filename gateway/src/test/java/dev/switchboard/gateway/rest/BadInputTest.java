package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ThreadCreateResourceTest.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.gateway.stub.ServiceStubs;
import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.Api;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every shape answers 400 (413 for a body too large) in the one error body naming the field, and no
 * service is called: the NUL character and unpaired surrogates in bodies and parameters, duplicate keys, bytes
 * that are not UTF-8, anything after the JSON value.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class BadInputTest {

    ServiceStubs stubs;

    final Api api = new Api();
    StubWorld.Agent agent;

    @BeforeEach
    void anAgent() {
        agent = stubs.world().addAgent(api.org, null, "Helper", "gpt-5-mini");
    }

    private int calls() {
        return stubs.agentService().received().size()
                + stubs.threadService().received().size()
                + stubs.runService().received().size();
    }

    @Test
    void theNulCharacterInABodyFieldIs400NamingItBeforeAnyServiceIsCalled() {
        int before = calls();
        assertError(
                        api.json("{\"message\": \"a\\u0000b\", \"model\": \"gpt-5-mini\"}")
                                .post("/api/v1/agents/" + agent.id() + "/chat")
                                .then(),
                        400,
                        "invalid_argument",
                        "message")
                .body("error.message", equalTo("message must not contain the NUL character (\\u0000)"));
        assertError(
                api.json("{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", "
                                + "\"text\": \"hi\\u0000\"}]}}")
                        .post("/api/v1/agents/" + agent.id() + "/threads")
                        .then(),
                400,
                "invalid_argument",
                "input.content[0].text");
        assertError(
                api.json("{\"name\": \"key\\u0000\"}").post("/api/v1/api-keys").then(),
                400,
                "invalid_argument",
                "name");
        assertError(
                api.json("{\"name\": \"team\\u0000\", \"agent_ids\": [\"" + agent.uuid() + "\"]}")
                        .post("/api/v1/teams")
                        .then(),
                400,
                "invalid_argument",
                "name");
        assertError(
                api.json("{\"ti\\u0000tle\": \"t\"}")
                        .post("/api/agents/" + agent.id() + "/conversations")
                        .then(),
                400,
                "invalid_argument",
                "ti\\u0000tle");
        assertEquals(before, calls());
    }

    @Test
    void unpairedSurrogatesDuplicateKeysAndTrailingDataAre400() {
        int before = calls();
        assertError(
                        api.json("{\"name\": \"\\ud800\"}")
                                .post("/api/v1/api-keys")
                                .then(),
                        400,
                        "invalid_argument",
                        "name")
                .body("error.message", containsString("unpaired UTF-16 surrogate"));
        assertError(
                api.json("{\"title\": \"t\", \"title\": \"u\"}")
                        .post("/api/agents/" + agent.id() + "/conversations")
                        .then(),
                400,
                "invalid_argument",
                "title");
        assertError(
                api.json("{\"name\": \"a\", \"kind\": \"personal\", \"kind\": \"service\"}")
                        .post("/api/v1/api-keys")
                        .then(),
                400,
                "invalid_argument",
                "kind");
        assertError(
                api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"} {}")
                        .post("/api/v1/agents/" + agent.id() + "/chat")
                        .then(),
                400,
                "invalid_argument",
                null);
        assertError(
                api.json("\"hi\"")
                        .post("/api/v1/agents/" + agent.id() + "/chat")
                        .then(),
                400,
                "invalid_argument",
                null);
        assertEquals(before, calls());
    }

    @Test
    void bytesThatAreNotUtf8Are400NamingTheField() {
        byte[] body = "{\"message\": \"a?b\", \"model\": \"gpt-5-mini\"}".getBytes(StandardCharsets.UTF_8);
        body[14] = (byte) 0xff;
        assertError(
                        api.request()
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/agents/" + agent.id() + "/chat")
                                .then(),
                        400,
                        "invalid_argument",
                        "message")
                .body("error.message", containsString("UTF-8"));
    }

    @Test
    void controlCharactersInParametersAre400NamingTheParameter() {
        int before = calls();
        assertError(
                api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                        .urlEncodingEnabled(false)
                        .post("/api/v1/agents/a%00b/chat")
                        .then(),
                400,
                "invalid_argument",
                "id");
        assertError(
                api.request()
                        .urlEncodingEnabled(false)
                        .get("/api/v1/skills/0/conversations?userId=u%00")
                        .then(),
                400,
                "invalid_argument",
                "userId");
        assertError(
                api.request()
                        .urlEncodingEnabled(false)
                        .get("/api/agents/" + agent.id() + "/history?conversation_id=%01")
                        .then(),
                400,
                "invalid_argument",
                "conversation_id");
        assertError(
                api.request()
                        .urlEncodingEnabled(false)
                        .get("/api/v1/files/file%0A1")
                        .then(),
                400,
                "invalid_argument",
                "id");
        assertEquals(before, calls());
    }

    /**
     * A header value with a control character is not HTTP: Netty refuses it with a bare 400 (Vert.x answers such
     * requests before Quarkus, with no hook for the body) and nothing is called.
     */
    @Test
    void aControlCharacterInAHeaderIsRefusedByTheHttpLayer() throws Exception {
        int before = calls();
        String body =
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}}";
        String request = "POST /api/v1/agents/" + agent.id() + "/threads HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + api.token + "\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: key\u0001\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
        assertEquals(before, calls());
    }

    @Test
    void aJsonBodyOverTheLimitIs413WhetherAnnouncedOrNot() {
        String big = "{\"message\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"model\": \"gpt-5-mini\"}";
        int before = calls();
        assertError(
                api.json(big).post("/api/v1/agents/" + agent.id() + "/chat").then(), 413, "payload_too_large", null);
        // sent as a stream: no Content-Length, the body is chunked and counted as it is read
        assertError(
                api.request()
                        .contentType(ContentType.JSON)
                        .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                        .post("/api/v1/agents/" + agent.id() + "/chat")
                        .then(),
                413,
                "payload_too_large",
                null);
        assertEquals(before, calls());
        // just under the limit is read
        String fits = "{\"message\": \"hi\"," + " ".repeat(1000 * 1000) + "\"model\": \"gpt-5-mini\"}";
        api.request()
                .contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(fits.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/agents/" + agent.id() + "/chat")
                .then()
                .statusCode(200);
    }

    @Test
    void answersOfTheServicesAreNotLimited() {
        StubWorld.Thread thread = stubs.world().newThread(api.org, api.user, agent);
        String large = "y".repeat(3 * 1024 * 1024);
        thread.messages()
                .add(new StubWorld.Message(
                        UUID.randomUUID(), thread.id(), "user", large, api.user, null, Instant.now()));
        api.request()
                .get("/api/v1/agents/" + agent.id() + "/conversations/" + thread.id())
                .then()
                .statusCode(200)
                .body("messages[0].content.length()", equalTo(large.length()));
    }
}
