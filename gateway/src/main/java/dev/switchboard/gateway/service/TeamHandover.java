package dev.switchboard.gateway.service;

import dev.switchboard.gateway.client.agent.TeamClient;
import dev.switchboard.gateway.client.agent.TeamImport;
import dev.switchboard.gateway.repository.StoredTeamRepository;
import dev.switchboard.gateway.repository.StoredTeamRepository.StoredTeam;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Hands the teams the gateway's database still holds (from before agent-service owned teams, issue 10) over to
 * agent-service at start: each through its idempotent import ({@code PUT /internal/teams/{id}}, keeping id, org
 * and timestamps, in a token of the team's org), then deleted here. While agent-service cannot be reached or fails
 * (5xx), the whole pass is tried again with a back-off (1 s doubling to 30 s), in the background; a team
 * agent-service refuses (4xx, e.g. an id another org's team has) is logged and left in place. Replicas starting
 * together may import the same team twice: the import is idempotent.
 */
@ApplicationScoped
public class TeamHandover {

    private static final Logger LOG = Logger.getLogger(TeamHandover.class);

    /** Who the import is made as: the organisation of each team, as a service caller. */
    static final String ACTOR = "service:team-handover";

    private final StoredTeamRepository stored;
    private final TeamClient teams;
    private volatile Cancellable running;

    public TeamHandover(StoredTeamRepository stored, TeamClient teams) {
        this.stored = stored;
        this.teams = teams;
    }

    void start(@Observes StartupEvent event) {
        running = handOver()
                .subscribe()
                .with(
                        moved -> {},
                        failure -> LOG.errorf(failure, "could not hand the gateway's teams over to agent-service"));
    }

    @PreDestroy
    void stop() {
        Cancellable pass = running;
        if (pass != null) {
            pass.cancel();
        }
    }

    /** Moves every stored team, trying again while agent-service cannot take them; how many moved. */
    public Uni<Integer> handOver() {
        return Uni.createFrom()
                .deferred(this::moveAll)
                .onFailure(TeamHandover::worthRetrying)
                .invoke(failure -> LOG.warnf(
                        "agent-service cannot take the gateway's teams yet (%s); trying again", failure.getMessage()))
                .onFailure(TeamHandover::worthRetrying)
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely();
    }

    /** One pass: every stored team imported, then deleted here; how many moved. */
    public Uni<Integer> moveAll() {
        return stored.all().flatMap(all -> {
            if (all.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            LOG.infof("handing %d teams kept in the gateway's database over to agent-service", all.size());
            return Multi.createFrom()
                    .iterable(all)
                    .onItem()
                    .transformToUniAndConcatenate(this::move)
                    .collect()
                    .with(Collectors.summingInt(Integer::intValue))
                    .invoke(moved -> LOG.infof("moved %d of %d teams to agent-service", moved, all.size()));
        });
    }

    /** 1 once agent-service has the team and the row is gone; 0 if agent-service refused it (row kept). */
    private Uni<Integer> move(StoredTeam team) {
        Caller org = new Caller(ACTOR, team.orgId(), Caller.SERVICE, Caller.ADMIN);
        TeamImport body = new TeamImport(
                team.name(), team.agentIds(), team.summarizerModel(), team.createdAt(), team.updatedAt());
        return teams.importTeam(team.id(), body, org)
                .call(() -> stored.delete(team.id()))
                .invoke(() -> LOG.infof(
                        "team %s of org %s (%s) is agent-service's now", team.id(), team.orgId(), team.name()))
                .replaceWith(1)
                .onFailure(failure -> !worthRetrying(failure))
                .recoverWithItem(failure -> {
                    LOG.errorf(
                            "agent-service refused team %s of org %s (%s); it stays in the gateway's database",
                            team.id(), team.orgId(), failure.getMessage());
                    return 0;
                });
    }

    /** A service down or failing (5xx), or the gateway's own database: not the team's fault. */
    static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof ApiException api) || api.status() >= 500;
    }
}
