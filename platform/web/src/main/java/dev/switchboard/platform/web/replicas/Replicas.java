package dev.switchboard.platform.web.replicas;

import dev.switchboard.platform.web.Causes;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Client-side load balancing, the platform's own (SmallRye Stork is not used): the replicas of each downstream
 * service as configured, {@code switchboard.replicas.<client config key>=http://127.0.0.1:8083,http://127.0.0.1:8093}
 * (the local launcher sets it when it starts replicas). A service with no such list is called at its single
 * {@code quarkus.rest-client.<key>.url}, as today and as a Kubernetes Service is: the cluster balances.
 *
 * <p>Read once from each application's configuration. {@link ReplicaFilter} rewrites every REST client call to the
 * next replica, {@link Failover} calls again where the request never left.
 */
public final class Replicas {

    public static final String PREFIX = "switchboard.replicas.";

    /** How long a replica that refused a connection is skipped, {@code switchboard.load-balancer.skip-for}. */
    public static final String SKIP_FOR = "switchboard.load-balancer.skip-for";

    public static final Duration DEFAULT_SKIP_FOR = Duration.ofSeconds(5);

    /**
     * Per application configuration: each start of an application (a test profile, a dev-mode reload) has a
     * {@link Config} of its own and reads its own replicas, even where this class outlives it. Weak keys: a stopped
     * application's entry goes with its Config.
     */
    private static final Map<Config, Replicas> BY_CONFIG = new WeakHashMap<>();

    /** By client config key. */
    private final Map<String, ReplicaSet> byKey;
    /** By the authority (host:port, lower case) of every replica and of the key's single URL. */
    private final Map<String, ReplicaSet> byAuthority;

    Replicas(Map<String, ReplicaSet> byKey, Map<String, String> singleUrls) {
        this.byKey = Map.copyOf(byKey);
        Map<String, ReplicaSet> authorities = new HashMap<>();
        byKey.forEach((key, set) -> {
            for (URI replica : set.replicas()) {
                authorities.put(authority(replica), set);
            }
            String single = singleUrls.get(key);
            if (single != null) {
                authorities.put(authority(uri(single, "quarkus.rest-client." + key + ".url")), set);
            }
        });
        this.byAuthority = Map.copyOf(authorities);
    }

    /** The replicas of this application's configuration ({@link ConfigProvider#getConfig()}), read on first use. */
    public static Replicas current() {
        return current(ConfigProvider.getConfig());
    }

    /** The replicas of this configuration, read on first use and kept while it is in use. */
    static Replicas current(Config config) {
        synchronized (BY_CONFIG) {
            return BY_CONFIG.computeIfAbsent(config, Replicas::fromConfig);
        }
    }

    /** Reads {@code switchboard.replicas.*}, {@code quarkus.rest-client.*.url} and the skip duration. */
    public static Replicas fromConfig(Config config) {
        Duration skipFor = config.getOptionalValue(SKIP_FOR, String.class)
                .map(Replicas::duration)
                .orElse(DEFAULT_SKIP_FOR);
        Map<String, ReplicaSet> byKey = new HashMap<>();
        Map<String, String> singleUrls = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String key = name.substring(PREFIX.length()).replace("\"", "");
            Optional<String> value = config.getOptionalValue(name, String.class);
            if (key.isEmpty() || value.isEmpty() || value.get().isBlank()) {
                continue;
            }
            List<URI> urls = new ArrayList<>();
            for (String url : value.get().split(",")) {
                if (!url.isBlank()) {
                    urls.add(uri(url.strip(), name));
                }
            }
            byKey.put(key, new ReplicaSet(urls, skipFor));
            config.getOptionalValue("quarkus.rest-client." + key + ".url", String.class)
                    .or(() -> config.getOptionalValue("quarkus.rest-client.\"" + key + "\".url", String.class))
                    .ifPresent(url -> singleUrls.put(key, url));
        }
        return new Replicas(byKey, singleUrls);
    }

    /** The replicas of the client with this config key, if it has a list. */
    public Optional<ReplicaSet> forKey(String configKey) {
        return Optional.ofNullable(byKey.get(configKey));
    }

    /** The replicas a request to this URI is spread over, if its host and port are one of a list's. */
    public Optional<ReplicaSet> forUri(URI uri) {
        return uri.getHost() == null ? Optional.empty() : Optional.ofNullable(byAuthority.get(authority(uri)));
    }

    /** How many replicas a call to the client with this config key may try: 1 without a list. */
    public int attempts(String configKey) {
        return forKey(configKey).map(ReplicaSet::size).orElse(1);
    }

    /** {@code uri} with its scheme, host and port replaced by the replica's; path and query kept. */
    public static URI onReplica(URI uri, URI replica) {
        try {
            return new URI(
                    replica.getScheme(),
                    uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    replica.getHost(),
                    replica.getPort(),
                    uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot move " + uri + " to " + replica, e);
        }
    }

    /**
     * Whether the failure means that no byte of the request reached a server: the connection was refused or not
     * accepted in time. Only such a call may be sent to another replica whatever its method; a connection that
     * broke later may have delivered a request that is being processed.
     */
    public static boolean notSent(Throwable failure) {
        return Causes.any(failure, t -> t instanceof ConnectException);
    }

    private static String authority(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static URI uri(String url, String setting) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new URISyntaxException(url, "not an absolute http URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    setting + " must list URLs such as http://127.0.0.1:8083, got '" + url + "'");
        }
    }

    /** A duration as Quarkus settings write them: {@code 5s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code PT5S}. */
    static Duration duration(String value) {
        String v = value.strip();
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            String number = v.isEmpty() ? v : v.substring(0, v.length() - 1);
            return switch (v.isEmpty() ? ' ' : Character.toLowerCase(v.charAt(v.length() - 1))) {
                case 's' -> Duration.ofSeconds(Long.parseLong(number));
                case 'm' -> Duration.ofMinutes(Long.parseLong(number));
                case 'h' -> Duration.ofHours(Long.parseLong(number));
                case 'd' -> Duration.ofDays(Long.parseLong(number));
                default -> Duration.ofSeconds(Long.parseLong(v));
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    SKIP_FOR + " must be a duration such as 5s, 500ms, 2m or PT5S, got '" + value + "'", e);
        }
    }
}
