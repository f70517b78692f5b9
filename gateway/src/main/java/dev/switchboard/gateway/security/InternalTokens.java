package dev.switchboard.gateway.security;

import dev.switchboard.gateway.config.GatewayConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal JWTs the gateway forwards to the services in place of the client's token: RS256, signed
 * with {@code smallrye.jwt.sign.key.location}, issuer {@code switchboard-gateway}, claims {@code sub},
 * {@code org}, {@code kind} ({@code user}, or {@code service} for an organisation service key) and {@code role}
 * ({@code admin}: reaches the whole organisation, as a service key does; or {@code member}), valid 5
 * minutes. One token is reused per caller for up to a minute, so a service always receives one with at least 4
 * minutes left.
 */
@ApplicationScoped
public class InternalTokens {

    /** Stale entries are swept when the cache grows beyond this many callers. */
    static final int SWEEP_ABOVE = 10_000;

    private record Signed(String token, Instant signedAt) {}

    private record Key(String userId, String orgId, String kind, String role) {}

    private final GatewayConfig.InternalToken config;
    private final Map<Key, Signed> cache = new ConcurrentHashMap<>();

    public InternalTokens(GatewayConfig config) {
        this.config = config.internalToken();
    }

    /** The {@code Authorization} header value for a call made on behalf of the caller. */
    public Uni<String> authorization(Caller caller) {
        Key key = new Key(caller.userId(), caller.orgId(), caller.kind(), caller.role());
        Signed cached = cache.get(key);
        if (isFresh(cached, Instant.now())) {
            return Uni.createFrom().item("Bearer " + cached.token());
        }
        // signing reads the key file: off the event loop
        return Uni.createFrom()
                .item(() -> "Bearer " + signAndCache(key))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private String signAndCache(Key key) {
        Instant now = Instant.now();
        Signed cached = cache.get(key);
        if (isFresh(cached, now)) {
            return cached.token();
        }
        if (cache.size() > SWEEP_ABOVE) {
            cache.values().removeIf(signed -> !isFresh(signed, now));
        }
        String token = Jwt.issuer(config.issuer())
                .subject(key.userId())
                .upn(key.userId())
                .claim("org", key.orgId())
                .claim("kind", key.kind())
                .claim("role", key.role())
                .issuedAt(now)
                .expiresIn(config.lifetime().toSeconds())
                .sign();
        cache.put(key, new Signed(token, now));
        return token;
    }

    private boolean isFresh(Signed signed, Instant now) {
        return signed != null && Duration.between(signed.signedAt(), now).compareTo(config.reuseFor()) < 0;
    }
}
