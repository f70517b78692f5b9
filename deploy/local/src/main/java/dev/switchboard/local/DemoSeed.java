package dev.switchboard.local;

import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo organisation, its admin user and agent (handle {@code demo}), created through the public API if missing,
 * and a member of the organisation: {@code <home>/dev-token} is the admin's token ({@code groups: ["admin"]}),
 * {@code <home>/member-token} the member's, who reaches only their own conversations and runs.
 */
final class DemoSeed {

    static final String ORG = "demo-org";
    static final String USER = "demo-user";
    static final String MEMBER = "demo-member";
    static final String AGENT_HANDLE = "demo";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    record Result(String token, Path tokenFile, String memberToken) {}

    private DemoSeed() {}

    static Result ensure(StackSettings settings, RsaKeys userKeys, PrintStream out)
            throws IOException, InterruptedException {
        // signed anew at each start; valid as long as the gateway's maximum token age (SWITCHBOARD_JWT_MAX_AGE, 24 h)
        JwtSigner signer = new JwtSigner(userKeys.loadPrivateKey(), LocalStack.USER_ISSUER);
        String token = signer.sign(USER, ORG, TOKEN_LIFETIME, Map.of("groups", List.of("admin")));
        Path tokenFile = settings.home().resolve("dev-token");
        Files.writeString(tokenFile, token + "\n");
        String memberToken = signer.sign(MEMBER, ORG, TOKEN_LIFETIME);
        Files.writeString(settings.home().resolve("member-token"), memberToken + "\n");

        HttpClient http = HttpClient.newHttpClient();
        URI agent = URI.create(settings.gatewayUrl() + "/api/v1/agents/" + AGENT_HANDLE);
        HttpResponse<String> existing = http.send(
                HttpRequest.newBuilder(agent)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 404) {
            String body = """
                    {"name": "Demo Agent", "handle": "demo", "model": "gpt-5-mini",
                     "instructions": "You are the Switchboard demo agent. Answer briefly and helpfully."}""";
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/agents"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IOException(
                        "creating the demo agent failed: HTTP " + created.statusCode() + " " + created.body());
            }
            out.println("Demo agent 'demo' created in organisation " + ORG);
        } else if (existing.statusCode() != 200) {
            throw new IOException(
                    "looking up the demo agent failed: HTTP " + existing.statusCode() + " " + existing.body());
        }
        return new Result(token, tokenFile, memberToken);
    }
}
