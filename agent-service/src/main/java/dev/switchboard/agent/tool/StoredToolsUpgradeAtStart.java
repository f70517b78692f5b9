package dev.switchboard.agent.tool;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Runs {@link StoredToolsUpgrade} when agent-service starts, batch after batch until nothing is left, before the
 * service answers. A failure stops the start: the service would otherwise serve tools it cannot read.
 */
@Singleton
public class StoredToolsUpgradeAtStart {

    private static final Logger LOG = Logger.getLogger(StoredToolsUpgradeAtStart.class);
    static final int BATCH = 100;

    private final StoredToolsUpgrade upgrade;

    StoredToolsUpgradeAtStart(StoredToolsUpgrade upgrade) {
        this.upgrade = upgrade;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        int total = 0;
        int done;
        do {
            done = VertxContextSupport.subscribeAndAwait(() -> upgrade.upgradeBatch(BATCH));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("sealed the MCP header values of %d stored agent(s) with the current key", total);
        }
        long unreadable = VertxContextSupport.subscribeAndAwait(upgrade::unreadable);
        if (unreadable > 0) {
            LOG.errorf(
                    "%d agent(s) have MCP header values sealed with a key this service does not have: their "
                            + "reads fail until that key is in %s",
                    unreadable, SecretKeys.PREVIOUS_VARIABLE);
        }
    }
}
