package dev.switchboard.gateway.ratelimit;

import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * End-user tokens of an org's admin ({@code groups: ["admin"]}), for the routes only admins may call (teams,
 * seed 004 assistant messages) where roles are enforced; any other user's token where they are not.
 */
final class AdminTokens {

    private AdminTokens() {}

    static String of(String org, String user) {
        try {
            return new JwtSigner(TestInfrastructure.keys().loadPrivateKey(), TestTokens.USER_ISSUER)
                    .sign(user, org, Duration.ofMinutes(10), Map.of("groups", List.of("admin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
