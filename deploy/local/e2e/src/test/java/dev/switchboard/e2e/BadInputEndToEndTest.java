package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.e2e.BadRequests.Case;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.testing.TestStacks;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issues 3 (point 8) and 9 (point 4), through the whole stack: every public route given malformed JSON, wrong types, unknown
 * enum values, oversize strings, unknown ids and another organisation's ids answers the documented 4xx with
 * the one JSON error body, naming the field at fault; so do the NUL character and unpaired surrogates in any
 * string, id or query parameter, duplicate keys, bytes that are not UTF-8 and bodies over the limits (413): never
 * a 5xx, never a body that is not JSON.
 */
class BadInputEndToEndTest {

    private static final String JSON = "application/json";
    private static LocalStack stack;
    private static BadRequests requests;
    private static String baseUrl;
    private static String token;
    private static String otherOrgToken;

    @BeforeAll
    static void bootStack() throws Exception {
        Map<String, String> env = new HashMap<>();
        StackSettings settings = TestStacks.onFreePorts("switchboard-e2e-bad-input-", env);
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        requests = new BadRequests(baseUrl);
        token = Files.readString(settings.home().resolve("dev-token")).trim();
        otherOrgToken = new JwtSigner(
                        RsaKeys.ensure(settings.home().resolve("keys"), "user").loadPrivateKey(),
                        LocalStack.USER_ISSUER)
                .sign("mallory", "other-org", Duration.ofHours(1));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRouteAnswersBadInputWithA4xxJsonErrorNamingTheField() throws Exception {
        JsonNode chat = send(
                token,
                "POST",
                "/api/v1/agents/demo/chat",
                "{\"message\": \"Open a thread\", \"model\": \"gpt-5-mini\"}",
                200);
        String thread = chat.get("threadId").asText();
        JsonNode agent = send(token, "GET", "/api/v1/agents/demo", null, 200);
        String agentUuid = agent.get("uuid").asText();
        long skill = agent.get("id").asLong();
        String messages = "/api/v1/chat/" + agentUuid + "/threads/" + thread + "/messages";
        String assistantId = send(token, "POST", messages, "{\"content\": \"Hello?\"}", 201)
                .get("id")
                .asText();
        String tooLong = "x".repeat(256);

        List<Case> cases = new ArrayList<>(List.of(
                // seed 000
                new Case("POST", "/api/v1/agents/demo/chat", "{\"message\": ", 400, null),
                new Case("POST", "/api/v1/agents/demo/chat", "[]", 400, null),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": 5, \"model\": \"gpt-5-mini\"}",
                        400,
                        "message"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": \"hi\", \"model\": \"gpt-0\"}",
                        400,
                        "model"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/conversations/" + thread + "/chat",
                        "{\"message\": \"hi\"}",
                        400,
                        "model"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/conversations/no-such-thread/chat",
                        "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}",
                        404,
                        null),
                new Case("GET", "/api/v1/agents/demo/conversations/no-such-thread", null, 404, null),
                new Case("GET", "/api/v1/agents/no-such-agent/conversations/" + thread, null, 404, null),
                // seed 001
                new Case("GET", "/api/v1/skills/0/conversations?pageSize=abc", null, 400, "pageSize"),
                new Case("GET", "/api/v1/skills/0/conversations?pageSize=0", null, 400, "pageSize"),
                new Case("GET", "/api/v1/skills/0/conversations?page=-1", null, 400, "page"),
                new Case("GET", "/api/v1/skills/0/conversations?timeframe=yesterday", null, 400, "timeframe"),
                new Case("GET", "/api/v1/skills/0/conversations?includeTools=maybe", null, 400, "includeTools"),
                new Case("GET", "/api/v1/skills/0/conversations?pageToken=forged.token", null, 400, "pageToken"),
                new Case("GET", "/api/v1/skills/abc/conversations", null, 400, "id"),
                new Case("GET", "/api/v1/skills/999999/conversations", null, 404, null),
                // seed 002
                new Case("POST", "/api/v1/agents/demo/threads", "{", 400, null),
                new Case("POST", "/api/v1/agents/demo/threads", "{}", 400, "input"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"assistant.message\", \"content\": [{\"type\": \"text\", "
                                + "\"text\": \"hi\"}]}}",
                        400,
                        "input.type"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"user.message\", \"content\": \"hi\"}}",
                        400,
                        "input.content"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"user.message\", "
                                + "\"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}, \"client_external_ref\": \""
                                + tooLong + "\"}",
                        400,
                        "client_external_ref"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"user.message\", "
                                + "\"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}, \"files\": [{\"file_id\": "
                                + "\"file_01KQX0V62MEXAMPLE7W6X3B2A\"}]}",
                        404,
                        "files[0].file_id"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"user.message\", "
                                + "\"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}, \"files\": [{\"file_id\": "
                                + "\"not-a-file\"}]}",
                        400,
                        "files[0].file_id"),
                new Case(
                        "POST",
                        "/api/v1/agents/no-such-agent/threads",
                        "{\"input\": {\"type\": \"user.message\", "
                                + "\"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}}",
                        404,
                        null),
                // files
                new Case("GET", "/api/v1/files/file_unknown", null, 404, null),
                new Case("GET", "/api/v1/files/file_unknown/content", null, 404, null),
                new Case("POST", "/api/v1/files", "{\"file\": \"not multipart\"}", 415, null),
                // seed 003
                new Case("POST", "/api/agents/demo/chat", "{\"message\": 1}", 400, "message"),
                new Case(
                        "POST",
                        "/api/agents/demo/chat",
                        "{\"message\": \"hi\", \"multitask_strategy\": " + "\"later\"}",
                        400,
                        "multitask_strategy"),
                new Case(
                        "POST",
                        "/api/agents/demo/chat/stream",
                        "{\"message\": \"hi\", \"run_id\": \"x\"}",
                        400,
                        "run_id"),
                new Case(
                        "POST",
                        "/api/agents/demo/chat",
                        "{\"message\": \"hi\", \"conversation_id\": \"nope\"}",
                        404,
                        "conversation_id"),
                new Case("POST", "/api/agents/no-such-agent/chat", "{\"message\": \"hi\"}", 404, "id"),
                new Case("POST", "/api/agents/no-such-agent/chat/stream", "{\"message\": \"hi\"}", 404, "id"),
                new Case(
                        "POST",
                        "/api/agents/demo/chat/stream",
                        "{\"message\": \"hi\", \"conversation_id\": " + "\"nope\"}",
                        404,
                        "conversation_id"),
                new Case("GET", "/api/agents/demo/history?limit=abc", null, 400, "limit"),
                new Case("GET", "/api/agents/demo/history?limit=-1", null, 400, "limit"),
                new Case("GET", "/api/agents/demo/history?conversation_id=nope", null, 404, null),
                new Case("GET", "/api/agents/demo/conversations?limit=x", null, 400, "limit"),
                new Case("POST", "/api/agents/demo/conversations", "{\"title\": 5}", 400, "title"),
                new Case(
                        "POST",
                        "/api/agents/demo/conversations",
                        "{\"title\": \"" + "t".repeat(201) + "\"}",
                        400,
                        "title"),
                new Case("PUT", "/api/agents/demo/conversations/" + thread, "{\"title\": \"\"}", 400, "title"),
                new Case("PUT", "/api/agents/demo/conversations/nope", "{\"title\": \"Renamed\"}", 404, null),
                new Case("DELETE", "/api/agents/demo/conversations/nope", null, 404, null),
                new Case("POST", "/api/agents/demo/mark-read", "{\"message_id\": 5}", 400, "message_id"),
                new Case("POST", "/api/agents/demo/mark-read", "{\"message_id\": \"abc\"}", 400, "message_id"),
                new Case("POST", "/api/agents/demo/mark-read", "{\"conversation_id\": \"nope\"}", 404, null),
                new Case("POST", "/api/teams/no-such-team/chat", "{\"message\": \"hi\"}", 404, null),
                // seed 004
                new Case("POST", messages, "{\"content\": 5}", 400, "content"),
                new Case("POST", messages, "{\"content\": \"hi\", \"role\": \"robot\"}", 400, "role"),
                new Case("POST", messages, "{\"content\": \"hi\", \"metadata\": []}", 400, "metadata"),
                new Case(
                        "POST",
                        messages,
                        "{\"content\": \"hi\", \"agent_id\": \"" + UUID.randomUUID() + "\"}",
                        400,
                        "agent_id"),
                new Case(
                        "POST",
                        "/api/v1/chat/" + agentUuid + "/threads/nope/messages",
                        "{\"content\": \"hi\"}",
                        404,
                        null),
                new Case(
                        "POST",
                        messages + "/" + assistantId + "/feedback",
                        "{\"feedback_type\": \"meh\"}",
                        400,
                        "feedback_type"),
                new Case(
                        "POST",
                        messages + "/no-such-message/feedback",
                        "{\"feedback_type\": \"thumbs_up\"}",
                        404,
                        null),
                // management
                new Case("POST", "/api/v1/api-keys", "{\"name\": \"k\", \"kind\": \"root\"}", 400, "kind"),
                new Case("POST", "/api/v1/api-keys", "{\"kind\": \"personal\"}", 400, "name"),
                new Case("DELETE", "/api/v1/api-keys/no-such-key", null, 404, null),
                new Case("POST", "/api/v1/agents", "{\"name\": 5}", 400, "name"),
                new Case("PATCH", "/api/v1/agents/demo", "{\"model\": \"gpt-0\"}", 400, "model"),
                new Case("GET", "/api/v1/no-such-route", null, 404, null)));

        // another organisation sees none of it: 404, never the data
        List<Case> foreign = List.of(
                new Case("GET", "/api/v1/agents/demo", null, 404, null),
                new Case("GET", "/api/v1/agents/" + agentUuid + "/conversations/" + thread, null, 404, null),
                new Case("GET", "/api/v1/skills/" + skill + "/conversations", null, 404, null),
                new Case("POST", messages, "{\"content\": \"hi\"}", 404, null),
                new Case(
                        "POST",
                        messages + "/" + assistantId + "/feedback",
                        "{\"feedback_type\": \"thumbs_up\"}",
                        404,
                        null),
                new Case("GET", "/api/agents/" + agentUuid + "/history?conversation_id=" + thread, null, 404, null),
                new Case("DELETE", "/api/agents/" + agentUuid + "/conversations/" + thread, null, 404, null),
                new Case("POST", "/api/agents/" + agentUuid + "/chat", "{\"message\": \"hi\"}", 404, "id"),
                new Case("POST", "/api/agents/" + agentUuid + "/chat/stream", "{\"message\": \"hi\"}", 404, "id"));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            check(token, c, failures);
        }
        for (Case c : foreign) {
            check(otherOrgToken, c, failures);
        }
        check(null, new Case("GET", "/api/v1/skills/0/conversations", null, 401, null), failures);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
        // and nothing of the above changed the thread
        send(token, "GET", "/api/v1/agents/demo/conversations/" + thread, null, 200);
    }

    @Test
    void unstorableCharactersAndDuplicateKeysAre400NamingTheFieldInEverySeedFamily() throws Exception {
        String agentUuid =
                send(token, "GET", "/api/v1/agents/demo", null, 200).get("uuid").asText();
        String thread = send(
                        token,
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": \"Open a thread\", \"model\": \"gpt-5-mini\"}",
                        200)
                .get("threadId")
                .asText();
        String messages = "/api/v1/chat/" + agentUuid + "/threads/" + thread + "/messages";
        String assistantId = send(token, "POST", messages, "{\"content\": \"Hello?\"}", 201)
                .get("id")
                .asText();
        String nul = "\\u0000";
        String lone = "\\ud800";
        String input = "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi";
        List<Case> cases = List.of(
                new Case(
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": \"a" + nul + "\", \"model\": \"gpt-5-mini\"}",
                        400,
                        "message"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/conversations/" + thread + "/chat",
                        "{\"message\": \"" + lone + "\", \"model\": \"gpt-5-mini\"}",
                        400,
                        "message"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": \"a\", \"message\": \"b\", \"model\": " + "\"gpt-5-mini\"}",
                        400,
                        "message"),
                new Case("POST", "/api/v1/agents/demo/threads", input + nul + "\"}]}}", 400, "input.content[0].text"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        input + "\"}]}, \"client_external_ref\": \"" + lone + "\"}",
                        400,
                        "client_external_ref"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/threads",
                        "{\"input\": {\"type\": \"user.message\", \"type\": " + "\"user.message\"}}",
                        400,
                        "input.type"),
                new Case("POST", "/api/agents/demo/chat", "{\"message\": \"" + nul + "\"}", 400, "message"),
                new Case("POST", "/api/agents/demo/chat/stream", "{\"message\": \"" + lone + "\"}", 400, "message"),
                new Case("POST", "/api/agents/demo/conversations", "{\"title\": \"t" + nul + "\"}", 400, "title"),
                new Case(
                        "PUT",
                        "/api/agents/demo/conversations/" + thread,
                        "{\"title\": \"t\", \"title\": \"u\"}",
                        400,
                        "title"),
                new Case(
                        "POST",
                        "/api/agents/demo/mark-read",
                        "{\"conversation_id\": \"" + nul + "\"}",
                        400,
                        "conversation_id"),
                new Case("POST", "/api/teams/no-such-team/chat", "{\"message\": \"" + nul + "\"}", 400, "message"),
                new Case(
                        "POST",
                        messages,
                        "{\"content\": \"x\", \"metadata\": {\"k\": \"" + nul + "\"}}",
                        400,
                        "metadata.k"),
                new Case(
                        "POST",
                        messages,
                        "{\"content\": \"x\", \"content_html\": \"" + lone + "\"}",
                        400,
                        "content_html"),
                new Case(
                        "POST",
                        messages + "/" + assistantId + "/feedback",
                        "{\"feedback_type\": \"thumbs_up\", " + "\"comment\": \"" + nul + "\"}",
                        400,
                        "comment"),
                new Case("POST", "/api/v1/api-keys", "{\"name\": \"k" + nul + "\"}", 400, "name"),
                new Case(
                        "POST",
                        "/api/v1/teams",
                        "{\"name\": \"" + lone + "\", \"agent_ids\": [\"demo\"]}",
                        400,
                        "name"),
                // agent-service checks the members; the field comes back as the client wrote it
                new Case(
                        "POST",
                        "/api/v1/teams",
                        "{\"name\": \"t\", \"agent_ids\": [\"demo\", {}]}",
                        400,
                        "agent_ids[1]"),
                new Case("POST", "/api/v1/teams", "{\"name\": \"t\", \"agent_ids\": [true]}", 400, "agent_ids[0]"),
                new Case(
                        "POST",
                        "/api/v1/agents",
                        "{\"name\": \"n" + nul + "\", \"model\": \"gpt-5-mini\"}",
                        400,
                        "name"),
                new Case("PATCH", "/api/v1/agents/demo", "{\"instructions\": \"" + lone + "\"}", 400, "instructions"),
                new Case("POST", "/api/v1/agents", "{\"na" + nul + "me\": \"n\"}", 400, "na\\u0000me"),
                new Case(
                        "POST",
                        "/api/v1/agents/demo/chat",
                        "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"} {}",
                        400,
                        null),
                new Case("POST", "/api/agents/demo/conversations", "\"a title\"", 400, null));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            check(token, c, failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    @Test
    void controlCharactersInIdsAndQueryParametersAre400NamingTheParameter() throws Exception {
        String chat = "{\"message\": \"hi\", \"model\": \"gpt-5-mini\"}";
        List<Case> cases = List.of(
                new Case("POST", "/api/v1/agents/%00/chat", chat, 400, "id"),
                new Case("GET", "/api/v1/agents/demo/conversations/%00", null, 400, "threadId"),
                new Case("GET", "/api/v1/skills/%00/conversations", null, 400, "id"),
                new Case("GET", "/api/v1/skills/0/conversations?userId=%00", null, 400, "userId"),
                new Case("GET", "/api/v1/skills/0/conversations?toolName=a%01b", null, 400, "toolName"),
                new Case("POST", "/api/v1/agents/%00/threads", "{}", 400, "agentId"),
                new Case("GET", "/api/agents/demo/history?conversation_id=%00", null, 400, "conversation_id"),
                new Case("DELETE", "/api/agents/demo/conversations/%1F", null, 400, "conv_id"),
                new Case("GET", "/api/v1/chat/%00/threads/t/messages/m", null, 400, "agent_id"),
                new Case("POST", "/api/v1/chat/a/threads/%00/messages", "{\"content\": \"hi\"}", 400, "thread_id"),
                new Case("GET", "/api/v1/files/%00", null, 400, "id"),
                new Case("GET", "/api/v1/files/%00/content", null, 400, "id"),
                new Case("DELETE", "/api/v1/api-keys/%00", null, 400, "id"),
                new Case("GET", "/api/v1/teams/%00", null, 400, "id"),
                new Case("GET", "/api/v1/runs/%00", null, 400, "id"),
                new Case("GET", "/api/v1/runs/r/stream?since=%0A", null, 400, "since"));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            check(token, c, failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    @Test
    void bytesThatAreNotUtf8Are400AndBodiesOverTheLimits413() throws Exception {
        List<String> failures = new ArrayList<>();
        byte[] notUtf8 = "{\"message\": \"a?\", \"model\": \"gpt-5-mini\"}".getBytes(StandardCharsets.UTF_8);
        notUtf8[14] = (byte) 0xff;
        BadRequests.check(
                "a byte 0xff in message",
                requests.raw(
                        token,
                        "POST",
                        "/api/v1/agents/demo/chat",
                        HttpRequest.BodyPublishers.ofByteArray(notUtf8),
                        JSON),
                400,
                "message",
                failures);
        byte[] twoMegabytes = ("{\"message\": \"hi\", \"model\": \"gpt-5-mini\"" + " ".repeat(2 * 1024 * 1024) + "}")
                .getBytes(StandardCharsets.UTF_8);
        BadRequests.check(
                "a 2 MB JSON body",
                requests.raw(
                        token,
                        "POST",
                        "/api/v1/agents/demo/chat",
                        HttpRequest.BodyPublishers.ofByteArray(twoMegabytes),
                        JSON),
                413,
                null,
                failures);
        BadRequests.check(
                "a chunked JSON body over 1 MB",
                requests.raw(
                        token,
                        "POST",
                        "/api/agents/demo/conversations",
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes)),
                        JSON),
                413,
                null,
                failures);
        String boundary = "bad-input-" + UUID.randomUUID();
        byte[] upload = BadRequests.multipart(boundary, "big.bin", new byte[21 * 1024 * 1024]);
        String multipart = "multipart/form-data; boundary=" + boundary;
        BadRequests.check(
                "a 21 MiB upload",
                requests.raw(token, "POST", "/api/v1/files", HttpRequest.BodyPublishers.ofByteArray(upload), multipart),
                413,
                null,
                failures);
        BadRequests.check(
                "a 21 MiB upload sent chunked",
                requests.raw(
                        token,
                        "POST",
                        "/api/v1/files",
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)),
                        multipart),
                413,
                "file",
                failures);
        // thread-service refuses the name before it reads the 2 MiB behind it
        byte[] badName = BadRequests.multipart(boundary, "plan\u0001.md", new byte[2 * 1024 * 1024]);
        BadRequests.check(
                "an upload whose filename has a control character",
                requests.raw(
                        token, "POST", "/api/v1/files", HttpRequest.BodyPublishers.ofByteArray(badName), multipart),
                400,
                "filename",
                failures);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
        // the stack goes on answering (a 413 closes only its own connection)
        send(token, "GET", "/api/v1/agents/demo", null, 200);
    }

    private static JsonNode send(String bearer, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> response = raw(bearer, method, path, body);
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return Gateway.JSON.readTree(response.body());
    }

    private static HttpResponse<String> raw(String bearer, String method, String path, String body) throws Exception {
        return requests.raw(
                bearer,
                method,
                path,
                body == null ? null : HttpRequest.BodyPublishers.ofString(body),
                "application/json");
    }

    private static void check(String bearer, Case c, List<String> failures) throws Exception {
        requests.check(bearer, c, failures);
    }
}
