package dev.switchboard.thread;

import dev.switchboard.platform.web.caller.InternalCaller;
import java.util.Arrays;

/**
 * Who is asking, from the gateway's internal JWT: the organisation and user, and whether the caller reaches the
 * whole organisation (an admin, or an organisation service key). A member reaches only the threads they take part
 * in: that they created, or were added to (by an attributed thread, or by a run of theirs on it).
 */
public record Caller(String orgId, String userId, boolean reachesOrganisation) {

    /** The caller of the internal token, with the organisation-wide reach of an admin or a service key. */
    public static Caller of(InternalCaller caller) {
        return new Caller(caller.orgId(), caller.userId(), caller.reachesOrganisation());
    }

    /** Whether the caller may read the thread and write messages to it. */
    public boolean reaches(ChatThread thread) {
        return thread.orgId.equals(orgId)
                && (reachesOrganisation
                        || userId.equals(thread.createdBy)
                        || Arrays.asList(thread.userIds).contains(userId));
    }

    /** Whether the caller may rename or delete the thread: its creator, or an admin. */
    public boolean manages(ChatThread thread) {
        return thread.orgId.equals(orgId) && (reachesOrganisation || userId.equals(thread.createdBy));
    }
}
