package dev.switchboard.run;

import dev.switchboard.platform.web.caller.InternalCaller;

/**
 * Who is asking, from the verified internal JWT: the org and user scope every query, {@code reachesOrganisation}
 * says whether the caller sees every run of the org (an admin, or an organisation service key) or only its own
 * (a member), and the {@code Authorization} header is forwarded unchanged to agent-service and thread-service
 * (which apply the same rule to threads).
 */
public record Caller(String orgId, String userId, String authorization, boolean reachesOrganisation) {

    /** The caller of the internal token: an admin or a service key reaches every run of the org. */
    public static Caller of(InternalCaller caller) {
        return new Caller(caller.orgId(), caller.userId(), caller.authorization(), caller.reachesOrganisation());
    }

    /** Whether the caller may read, stream or cancel the run. */
    public boolean reaches(Run run) {
        return run.orgId.equals(orgId) && (reachesOrganisation || run.userId.equals(userId));
    }
}
