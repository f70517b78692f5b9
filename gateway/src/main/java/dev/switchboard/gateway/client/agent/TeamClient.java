package dev.switchboard.gateway.client.agent;

import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * agent-service's teams, as the gateway calls them on behalf of a caller. Its 4xx answers pass through, their
 * fields named as the public team API names them ({@code agentIds[1]} is {@code agent_ids[1]}).
 */
@ApplicationScoped
public class TeamClient {

    static final String SERVICE = "agent-service";

    private final TeamRestClient rest;
    private final Downstream downstream;

    public TeamClient(@RestClient TeamRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    public Uni<TeamView> create(TeamWrite team, Caller caller) {
        return publicNames(downstream.call(caller, auth -> rest.create(team, auth)));
    }

    public Uni<List<TeamView>> list(Caller caller) {
        return downstream.call(caller, rest::list).map(list -> list.teams() == null ? List.of() : list.teams());
    }

    /** The team; 404 {@code not_found} (agent-service's answer) if the org has none with that id. */
    public Uni<TeamView> get(String id, Caller caller) {
        return downstream.call(caller, auth -> rest.get(id, auth));
    }

    public Uni<TeamView> update(String id, TeamWrite changes, Caller caller) {
        return publicNames(downstream.call(caller, auth -> rest.update(id, changes, auth)));
    }

    public Uni<Void> delete(String id, Caller caller) {
        return downstream.call(caller, auth -> rest.delete(id, auth));
    }

    /** Stores a team the gateway kept under its own id, in the caller's org (idempotent). */
    public Uni<TeamView> importTeam(UUID id, TeamImport team, Caller caller) {
        return downstream.call(caller, auth -> rest.importTeam(id.toString(), team, auth));
    }

    /** agent-service names the fields in camelCase; the public team API in snake_case. */
    private static <T> Uni<T> publicNames(Uni<T> call) {
        return call.onFailure(ApiException.class).transform(failure -> {
            ApiException api = (ApiException) failure;
            return new ApiException(api.status(), api.code(), snakeCase(api.getMessage()), snakeCase(api.field()));
        });
    }

    static String snakeCase(String text) {
        return text == null
                ? null
                : text.replace("agentIds", "agent_ids").replace("summarizerModel", "summarizer_model");
    }
}
