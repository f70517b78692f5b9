package dev.switchboard.gateway.rest;

import static dev.switchboard.gateway.rest.ErrorAssert.assertError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.gateway.stub.ServiceStubsResource;
import dev.switchboard.gateway.stub.StubWorld;
import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every shape answers 400 (413 for a body too large) in the one error body naming the field, and no
 * service is called: the NUL character and unpaired surrogates in bodies and parameters, duplicate keys, bytes
 * that are not UTF-8, anything after the JSON value.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(ServiceStubsResource.class)
class BadInputTest extends WithStubbedAgent {

    private static final String CHAT = "/api/v1/agents/{agent}/chat";
    private static final String CONVERSATIONS = "/api/agents/{agent}/conversations";
    private static final String KEYS = "/api/v1/api-keys";

    static Stream<Arguments> nulCharacters() {
        return Stream.of(
                arguments(
                        CHAT,
                        "{\"message\": \"a\\u0000b\", \"model\": \"gpt-5-mini\"}",
                        "message",
                        equalTo("message must not contain the NUL character (\\u0000)")),
                arguments(
                        "/api/v1/agents/{agent}/threads",
                        "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", "
                                + "\"text\": \"hi\\u0000\"}]}}",
                        "input.content[0].text",
                        notNullValue()),
                arguments(KEYS, "{\"name\": \"key\\u0000\"}", "name", notNullValue()),
                arguments(
                        "/api/v1/teams",
                        "{\"name\": \"team\\u0000\", \"agent_ids\": [\"{agent}\"]}",
                        "name",
                        notNullValue()),
                arguments(CONVERSATIONS, "{\"ti\\u0000tle\": \"t\"}", "ti\\u0000tle", notNullValue()));
    }

    static Stream<Arguments> unpairedSurrogatesDuplicateKeysAndTrailingData() {
        return Stream.of(
                arguments(KEYS, "{\"name\": \"\\ud800\"}", "name", containsString("unpaired UTF-16 surrogate")),
                arguments(CONVERSATIONS, "{\"title\": \"t\", \"title\": \"u\"}", "title", notNullValue()),
                arguments(
                        KEYS,
                        "{\"name\": \"a\", \"kind\": \"personal\", \"kind\": \"service\"}",
                        "kind",
                        notNullValue()),
                arguments(CHAT, "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"} {}", null, notNullValue()),
                arguments(CHAT, "\"hi\"", null, notNullValue()));
    }

    /** {@code {agent}} in the path or body stands for the test's agent (its numeric id in a path, its UUID in a body). */
    @ParameterizedTest
    @MethodSource({"nulCharacters", "unpairedSurrogatesDuplicateKeysAndTrailingData"})
    void aBadJsonBodyIs400NamingTheFieldBeforeAnyServiceIsCalled(
            String path, String body, String field, Matcher<?> message) {
        int before = calls();
        assertError(
                        api.json(body.replace("{agent}", agent.uuid().toString()))
                                .post(path.replace("{agent}", String.valueOf(agent.id())))
                                .then(),
                        400,
                        "invalid_argument",
                        field)
                .body("error.message", message);
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

    @ParameterizedTest
    @CsvSource({
        "/api/v1/agents/a%00b/chat, id",
        "/api/v1/skills/0/conversations?userId=u%00, userId",
        "/api/agents/{agent}/history?conversation_id=%01, conversation_id",
        "/api/v1/files/file%0A1, id"
    })
    void controlCharactersInParametersAre400NamingTheParameter(String path, String parameter) {
        int before = calls();
        String url = path.replace("{agent}", String.valueOf(agent.id()));
        ValidatableResponse answer = path.endsWith("/chat")
                ? api.json("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}")
                        .urlEncodingEnabled(false)
                        .post(url)
                        .then()
                : api.request().urlEncodingEnabled(false).get(url).then();
        assertError(answer, 400, "invalid_argument", parameter);
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
