package dev.switchboard.platform.web.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production check reads the configuration as a service resolves it in the prod profile (expressions, %prod). */
class ProductionSettingsTest {

    /** What a service's application.properties says, with nothing in the environment. */
    private static final Map<String, String> SHIPPED = Map.of(
            "switchboard.threads.page-token-key", "${SWITCHBOARD_PAGE_TOKEN_KEY_UNSET:switchboard-dev-page-token-key}",
            "mp.jwt.verify.publickey.location", "${SWITCHBOARD_INTERNAL_PUBLIC_KEY_UNSET:keys/internal-public.pem}",
            "%dev.mp.jwt.verify.publickey.location", "../.switchboard/keys/internal-public.pem",
            "quarkus.datasource.username", "${SWITCHBOARD_DB_USER_UNSET:postgres}",
            "quarkus.datasource.password", "${SWITCHBOARD_DB_PASSWORD_UNSET:postgres}",
            "%dev.switchboard.agents.secrets.generate-missing-key", "true");

    @Test
    void aProductionStartWithTheShippedDefaultsIsRefusedNamingEachSettingAndWhatToDo() {
        List<String> problems = ProductionSettings.inForce(prod(Map.of()));
        assertEquals(3, problems.size(), problems.toString());
        String refusal = ProductionSettings.refusal(problems);
        assertTrue(refusal.startsWith("refusing to start in the prod profile with development defaults in force:"));
        assertTrue(
                refusal.contains("switchboard.threads.page-token-key is the development key: set "
                        + "SWITCHBOARD_PAGE_TOKEN_KEY"),
                refusal);
        assertTrue(
                refusal.contains("mp.jwt.verify.publickey.location is 'keys/internal-public.pem', a relative "
                        + "development location"),
                refusal);
        assertTrue(
                refusal.contains("default postgres/postgres: set SWITCHBOARD_DB_USER and SWITCHBOARD_DB_PASSWORD"),
                refusal);
    }

    @Test
    void productionValuesPass() {
        assertEquals(
                List.of(),
                ProductionSettings.inForce(prod(Map.of(
                        "switchboard.threads.page-token-key", "c2VjcmV0LW9mLXRoZS1vcGVyYXRvcg==",
                        "mp.jwt.verify.publickey.location", "/etc/switchboard/keys/internal-public.pem",
                        "smallrye.jwt.sign.key.location", "file:/etc/switchboard/keys/internal-private.pem",
                        "quarkus.datasource.username", "threads",
                        "quarkus.datasource.password", "s3cret"))));
        assertEquals(
                List.of(),
                ProductionSettings.inForce(prod(Map.of(
                        "switchboard.threads.page-token-key",
                        "operator-key",
                        "mp.jwt.verify.publickey.location",
                        "https://idp.example.com/.well-known/jwks.json",
                        ProductionSettings.ALLOW_DEFAULT_DB_CREDENTIALS,
                        "true"))));
    }

    @Test
    void aMadeUpSecretsKeyAndARelativeSigningKeyAreRefused() {
        List<String> problems = ProductionSettings.inForce(prod(Map.of(
                "switchboard.threads.page-token-key", "operator-key",
                "mp.jwt.verify.publickey.location", "/keys/a.pem",
                "smallrye.jwt.sign.key.location", "keys/internal-private.pem",
                "switchboard.agents.secrets.generate-missing-key", "true",
                "quarkus.datasource.password", "other")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("smallrye.jwt.sign.key.location is 'keys/internal-private.pem'"));
        assertTrue(problems.get(1).startsWith("switchboard.agents.secrets.generate-missing-key is true"));
    }

    @Test
    void theDevProfileIsNotWhatIsChecked() {
        SmallRyeConfig dev = config(Map.of(), "dev");
        assertEquals(
                "../.switchboard/keys/internal-public.pem",
                dev.getValue("mp.jwt.verify.publickey.location", String.class));
        assertTrue(ProductionSettings.isRelative("../.switchboard/keys/internal-public.pem"));
        assertFalse(ProductionSettings.isRelative("classpath:keys/a.pem"));
    }

    private static SmallRyeConfig prod(Map<String, String> set) {
        return config(set, "prod");
    }

    private static SmallRyeConfig config(Map<String, String> set, String profile) {
        Map<String, String> properties = new HashMap<>(SHIPPED);
        properties.putAll(set);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withProfile(profile)
                .build();
    }
}
