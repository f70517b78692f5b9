package dev.switchboard.run.provider.fake;

import dev.switchboard.local.testing.fake.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeOpenAi} and points run-service's OpenAI-compatible provider at it (so every model goes
 * there), with quick retries; a test gets the fake in a {@code FakeOpenAi} field and scripts its answers.
 */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

    private final FakeOpenAi fake = new FakeOpenAi();

    @Override
    public Map<String, String> start() {
        fake.start();
        return Map.of(
                "switchboard.providers.openai.base-url", fake.url(),
                "switchboard.providers.openai.api-key", "fake-key",
                "switchboard.providers.max-retries", "1",
                "switchboard.providers.retry-backoff", "20ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake, new TestInjector.MatchesType(FakeOpenAi.class));
    }

    @Override
    public void stop() {
        fake.close();
    }
}
