package dev.switchboard.platform.web.production;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service in the {@code prod} profile (a packaged jar or container run as it is) while a
 * development default is in force, naming each setting and what to do about it:
 * <ul>
 * <li>thread-service's page-token key ({@code switchboard.threads.page-token-key}) is the built-in dev constant;</li>
 * <li>a key location ({@code mp.jwt.verify.publickey.location}, {@code smallrye.jwt.sign.key.location}) is relative,
 * as the defaults ({@code keys/...}) and the dev profile's generated keys ({@code ../.switchboard/keys/...}) are;</li>
 * <li>agent-service would make up its secrets key ({@code switchboard.agents.secrets.generate-missing-key});</li>
 * <li>the datasource logs in as {@code postgres}/{@code postgres}, unless
 * {@code switchboard.allow-default-db-credentials=true} (the local launcher's embedded server, which trusts local
 * connections only);</li>
 * <li>whatever a service's own {@link DevelopmentDefault} beans report (run-service: models answered by the offline
 * provider, unless {@code switchboard.allow-offline-provider=true}).</li>
 * </ul>
 * The dev and test profiles are not checked.
 */
@ApplicationScoped
public class ProductionSettings {

    public static final String DEV_PAGE_TOKEN_KEY = "switchboard-dev-page-token-key";
    public static final String ALLOW_DEFAULT_DB_CREDENTIALS = "switchboard.allow-default-db-credentials";

    private static final List<String> KEY_LOCATIONS =
            List.of("mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location");

    private final Instance<DevelopmentDefault> services;

    public ProductionSettings(Instance<DevelopmentDefault> services) {
        this.services = services;
    }

    /** Before the service takes traffic: in the prod profile, fails the start with every problem found. */
    void onStart(@Observes @Priority(1) StartupEvent start) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>(inForce(ConfigProvider.getConfig()));
        for (DevelopmentDefault service : services) {
            problems.addAll(service.inForce());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(refusal(problems));
        }
    }

    /** The message a refused start ends with. */
    public static String refusal(List<String> problems) {
        return "refusing to start in the prod profile with development defaults in force:\n - "
                + String.join("\n - ", problems);
    }

    /** The platform's development defaults found in {@code config}. */
    public static List<String> inForce(Config config) {
        List<String> problems = new ArrayList<>();
        value(config, "switchboard.threads.page-token-key")
                .filter(DEV_PAGE_TOKEN_KEY::equals)
                .ifPresent(key -> problems.add("switchboard.threads.page-token-key is the development key: set "
                        + "SWITCHBOARD_PAGE_TOKEN_KEY to a secret of your own (openssl rand -base64 32), the same on "
                        + "every replica"));
        for (String location : KEY_LOCATIONS) {
            value(config, location)
                    .filter(ProductionSettings::isRelative)
                    .ifPresent(path -> problems.add(location + " is '" + path + "', a relative development "
                            + "location: give the absolute path of the key you mounted (or an https:// JWKS URL)"));
        }
        if (flag(config, "switchboard.agents.secrets.generate-missing-key")) {
            problems.add("switchboard.agents.secrets.generate-missing-key is true: a made-up key seals nothing that "
                    + "outlives this process; set SWITCHBOARD_SECRETS_KEY (openssl rand -base64 32) and remove it");
        }
        Optional<String> user = value(config, "quarkus.datasource.username");
        Optional<String> password = value(config, "quarkus.datasource.password");
        if (user.filter("postgres"::equals).isPresent()
                && password.filter("postgres"::equals).isPresent()
                && !flag(config, ALLOW_DEFAULT_DB_CREDENTIALS)) {
            problems.add(
                    "quarkus.datasource.username and quarkus.datasource.password are the default "
                            + "postgres/postgres: set SWITCHBOARD_DB_USER and SWITCHBOARD_DB_PASSWORD to the service's own role");
        }
        return problems;
    }

    /** Whether {@code name} is set to {@code true}. */
    public static boolean flag(Config config, String name) {
        return value(config, name).map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Not absolute, nor a URL ({@code file:}, {@code https:}, {@code classpath:} name their place). */
    static boolean isRelative(String location) {
        return !location.startsWith("/") && !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }
}
