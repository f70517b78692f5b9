package dev.switchboard.gateway.client.run;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * run-service's catalogs, read on behalf of a caller: the canonical models (the model ids the public API accepts
 * are run-service's, never a copy kept here) and the tools an agent may list. Quick reads, so the short deadline
 * ({@code switchboard.gateway.timeouts.call}).
 */
@ApplicationScoped
public class CatalogClient {

    /** How long the model ids read for a check are reused (they change only with a run-service release). */
    static final Duration MODEL_IDS_FOR = Duration.ofMinutes(1);

    private record ModelIds(List<String> ids, Instant readAt) {}

    private final CatalogRestClient rest;
    private final Downstream downstream;
    private volatile ModelIds modelIds;

    public CatalogClient(@RestClient CatalogRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(RunClient.SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<ModelList> models(Caller caller) {
        return downstream.call(caller, rest::models);
    }

    public Uni<ToolCatalog> tools(Caller caller) {
        return downstream.call(caller, rest::tools);
    }

    /** The canonical model ids in the canonical order, read again once {@link #MODEL_IDS_FOR} old. */
    public Uni<List<String>> modelIds(Caller caller) {
        ModelIds cached = modelIds;
        if (cached != null && cached.readAt().plus(MODEL_IDS_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(cached.ids());
        }
        return models(caller).map(list -> {
            List<String> ids = list.models().stream().map(ModelList.Model::id).toList();
            modelIds = new ModelIds(ids, Instant.now());
            return ids;
        });
    }
}
