package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import dev.switchboard.local.testing.fake.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's matrix through the whole stack: for every route family, what a member who owns a conversation, another
 * member of the same organisation, an admin, an organisation service key and another organisation get. A member
 * reaches only their own threads and runs (anything else is the 404 another organisation gets), admins and
 * service keys reach the whole organisation, and nothing of the owner's conversation reaches the model on
 * another member's behalf.
 */
class OwnershipEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String SECRET = "alice-secret-" + UUID.randomUUID();

    private static FakeOpenAi model;
    private static LocalStack stack;
    private static String baseUrl;
    /** Who asks: a header name and value each. */
    private static Map<String, String[]> actors;

    private static String agent;
    private static String thread;
    private static String answer;
    private static String run;
    private static String file;
    private static String team;

    @BeforeAll
    static void bootStack() throws Exception {
        model = new FakeOpenAi().start();
        model.always(FakeOpenAi.text(List.of("noted"), 5, 1));
        StackSettings settings = TestStacks.onFreePorts(
                "switchboard-e2e-ownership-", Map.of("SWITCHBOARD_OPENAI_BASE_URL", model.url()));
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        JwtSigner users = new JwtSigner(
                RsaKeys.ensure(settings.home().resolve("keys"), "user").loadPrivateKey(), LocalStack.USER_ISSUER);
        String admin = Files.readString(settings.home().resolve("dev-token")).trim();
        actors = new LinkedHashMap<>();
        actors.put("owner", bearer(users.sign("alice", "demo-org", Duration.ofHours(1))));
        actors.put(
                "member",
                bearer(Files.readString(settings.home().resolve("member-token")).trim()));
        actors.put("admin", bearer(admin));
        Reply key = call(bearer(admin), "POST", "/api/v1/api-keys", "{\"name\": \"ci\", \"kind\": \"service\"}");
        assertEquals(201, key.status(), key.body());
        actors.put("service", new String[] {
            "x-api-key", Gateway.JSON.readTree(key.body()).get("key").asText()
        });
        actors.put(
                "other org",
                bearer(users.sign("eve", "other-org", Duration.ofHours(1), Map.of("groups", List.of("admin")))));

        agent = json(call(actors.get("admin"), "GET", "/api/v1/agents/demo", null), "uuid");
        Reply chat = call(
                actors.get("owner"),
                "POST",
                "/api/v1/agents/demo/chat",
                "{\"message\": \"" + SECRET + "\", \"model\": \"gpt-5-mini\"}");
        assertEquals(200, chat.status(), chat.body());
        thread = json(chat, "threadId");
        run = json(chat, "runId");
        Reply added = call(actors.get("owner"), "POST", messages(), "{\"content\": \"and more\", \"role\": \"user\"}");
        assertEquals(201, added.status(), added.body());
        answer = json(added, "id");
        file = json(upload(actors.get("owner"), "notes.txt", SECRET), "id");
        team = json(
                call(actors.get("admin"), "POST", "/api/v1/teams", "{\"name\": \"crew\", \"agent_ids\": [\"demo\"]}"),
                "id");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (model != null) {
            model.close();
        }
    }

    /** A route and the status each actor gets, in the order of {@link #actors}. */
    private record Expect(
            String method, String path, String body, int owner, int member, int admin, int service, int otherOrg) {

        int of(String actor) {
            return switch (actor) {
                case "owner" -> owner;
                case "member" -> member;
                case "admin" -> admin;
                case "service" -> service;
                default -> otherOrg;
            };
        }
    }

    @Test
    void everyRouteFamilyAnswersEachActorAsTheOwnershipModelSays() throws Exception {
        String conversation = "/api/v1/agents/demo/conversations/" + thread;
        List<Expect> matrix = List.of(
                // seed 000
                new Expect("GET", conversation, null, 200, 404, 200, 200, 404),
                new Expect(
                        "POST",
                        conversation + "/chat",
                        "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}",
                        200,
                        404,
                        200,
                        200,
                        404),
                // seed 003
                new Expect(
                        "POST",
                        "/api/agents/demo/chat",
                        "{\"message\": \"hi\", \"conversation_id\": \"" + thread + "\"}",
                        200,
                        404,
                        200,
                        200,
                        404),
                new Expect(
                        "POST",
                        "/api/agents/demo/chat/stream",
                        "{\"message\": \"hi\", \"conversation_id\": \"" + thread + "\"}",
                        200,
                        404,
                        200,
                        200,
                        404),
                new Expect("GET", "/api/agents/demo/history?conversation_id=" + thread, null, 200, 404, 200, 200, 404),
                new Expect(
                        "PUT",
                        "/api/agents/demo/conversations/" + thread,
                        "{\"title\": \"Mine\"}",
                        200,
                        404,
                        200,
                        200,
                        404),
                new Expect(
                        "POST",
                        "/api/agents/demo/mark-read",
                        "{\"conversation_id\": \"" + thread + "\"}",
                        200,
                        404,
                        200,
                        200,
                        404),
                // seed 004: a system message speaks for the agent: admins and service keys only
                new Expect("POST", messages(), "{\"content\": \"hi\", \"role\": \"user\"}", 201, 404, 201, 201, 404),
                new Expect(
                        "POST", messages(), "{\"content\": \"obey\", \"role\": \"system\"}", 403, 403, 201, 201, 404),
                new Expect("GET", messages() + "/" + answer, null, 200, 404, 200, 200, 404),
                new Expect(
                        "POST",
                        messages() + "/" + answer + "/feedback",
                        "{\"feedback_type\": \"thumbs_up\"}",
                        201,
                        404,
                        201,
                        201,
                        404),
                // runs (another org's cancel of an id it has no run with waits for one: 202)
                new Expect("GET", "/api/v1/runs/" + run, null, 200, 404, 200, 200, 404),
                new Expect("GET", "/api/v1/runs/" + run + "/stream", null, 200, 404, 200, 200, 404),
                new Expect("POST", "/api/v1/runs/" + run + "/cancel", null, 200, 404, 200, 200, 202),
                // seed 002 files: the uploader's, and the organisation admins'
                new Expect("GET", "/api/v1/files/" + file, null, 200, 404, 200, 200, 404),
                new Expect("GET", "/api/v1/files/" + file + "/content", null, 200, 404, 200, 200, 404),
                // participants: the creator or an admin
                new Expect("PUT", conversation + "/participants/carol", null, 200, 404, 200, 200, 404),
                // organisation settings: admins and service keys
                new Expect(
                        "PATCH",
                        "/api/v1/agents/demo",
                        "{\"instructions\": \"Answer briefly.\"}",
                        403,
                        403,
                        200,
                        200,
                        404),
                new Expect(
                        "POST",
                        "/api/v1/teams",
                        "{\"name\": \"t\", \"agent_ids\": [\"demo\"]}",
                        403,
                        403,
                        201,
                        201,
                        404),
                // teams (agent-service) and team chats (run-service): the org's, written by admins and service keys
                new Expect("GET", "/api/v1/teams/" + team, null, 200, 200, 200, 200, 404),
                new Expect("PATCH", "/api/v1/teams/" + team, "{\"name\": \"crew\"}", 403, 403, 200, 200, 404),
                new Expect("POST", "/api/teams/" + team + "/chat", "{\"message\": \"hi\"}", 200, 200, 200, 200, 404),
                new Expect(
                        "POST",
                        "/api/v1/api-keys",
                        "{\"name\": \"k\", \"kind\": \"service\"}",
                        403,
                        403,
                        201,
                        403,
                        201));

        List<String> failures = new ArrayList<>();
        // intruders first: what they send must never take the owner's conversation to the model
        for (String actor : List.of("member", "other org", "owner", "admin", "service")) {
            int before = model.requests().size();
            for (Expect expect : matrix) {
                Reply reply = call(actors.get(actor), expect.method(), expect.path(), expect.body());
                if (reply.status() != expect.of(actor)) {
                    failures.add(actor + " " + expect.method() + " " + expect.path() + ": expected " + expect.of(actor)
                            + ", got " + reply.status() + " " + reply.body());
                }
            }
            if (!actor.equals("owner") && !actor.equals("admin") && !actor.equals("service")) {
                List<RecordedRequest> sent =
                        model.requests().subList(before, model.requests().size());
                assertTrue(
                        sent.stream().noneMatch(r -> r.body().contains(SECRET)),
                        actor + "'s requests took the owner's conversation to the model");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aMembersListShowsOnlyTheirOwnConversationsAndAnAdminsTheWholeOrganisation() throws Exception {
        assertTrue(listed("owner").contains(thread));
        assertFalse(listed("member").contains(thread));
        assertTrue(listed("admin").contains(thread));
        assertTrue(listed("service").contains(thread));
        assertFalse(listed("other org").contains(thread));
        Reply named = call(actors.get("member"), "GET", "/api/v1/skills/0/conversations?userId=alice", null);
        assertEquals(200, named.status(), named.body());
        assertEquals(0, Gateway.JSON.readTree(named.body()).get("totalCount").asInt());
    }

    @Test
    void anAddedParticipantReachesTheConversationUntilRemoved() throws Exception {
        String participants = "/api/v1/agents/demo/conversations/" + thread + "/participants/demo-member";
        String history = "/api/agents/demo/history?conversation_id=" + thread;
        assertEquals(404, call(actors.get("member"), "GET", history, null).status());
        Reply added = call(actors.get("owner"), "PUT", participants, null);
        assertEquals(200, added.status(), added.body());
        JsonNode participantsAnswer = Gateway.JSON.readTree(added.body());
        assertEquals(thread, participantsAnswer.path("thread_id").asText(), added.body());
        assertTrue(participantsAnswer.path("user_ids").toString().contains("\"demo-member\""), added.body());
        Reply read = call(actors.get("member"), "GET", history, null);
        assertEquals(200, read.status(), read.body());
        assertTrue(read.body().contains(SECRET), read.body());
        // a participant does not invite others
        assertEquals(
                403,
                call(
                                actors.get("member"),
                                "PUT",
                                "/api/v1/agents/demo/conversations/" + thread + "/participants/zoe",
                                null)
                        .status());
        assertEquals(
                200, call(actors.get("owner"), "DELETE", participants, null).status());
        assertEquals(404, call(actors.get("member"), "GET", history, null).status());
    }

    private static List<String> listed(String actor) throws Exception {
        Reply list = call(actors.get(actor), "GET", "/api/v1/skills/0/conversations?pageSize=100", null);
        assertEquals(200, list.status(), list.body());
        List<String> ids = new ArrayList<>();
        Gateway.JSON
                .readTree(list.body())
                .get("conversations")
                .forEach(c -> ids.add(c.get("threadId").asText()));
        return ids;
    }

    private static String messages() {
        return "/api/v1/chat/" + agent + "/threads/" + thread + "/messages";
    }

    private record Reply(int status, String body) {}

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String json(Reply reply, String field) throws IOException {
        return Gateway.JSON.readTree(reply.body()).get(field).asText();
    }

    private static Reply upload(String[] auth, String filename, String content)
            throws IOException, InterruptedException {
        String boundary = "switchboard-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/files"))
                        .timeout(Duration.ofSeconds(60))
                        .header(auth[0], auth[1])
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return new Reply(response.statusCode(), response.body());
    }

    private static Reply call(String[] auth, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header(auth[0], auth[1]);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
