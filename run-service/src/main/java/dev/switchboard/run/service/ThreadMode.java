package dev.switchboard.run.service;

import dev.switchboard.platform.web.error.ApiException;

/** Which thread a run goes to. */
public enum ThreadMode {
    /** a new thread with the agent */
    NEW,
    /** the thread named by {@code threadId}, which must be the agent's */
    EXISTING,
    /** the caller's current thread with the agent, created if there is none */
    CURRENT;

    public static ThreadMode of(String value) {
        if (value != null) {
            switch (value) {
                case "new":
                    return NEW;
                case "existing":
                    return EXISTING;
                case "current":
                    return CURRENT;
                default:
                    break;
            }
        }
        throw ApiException.invalid("threadMode must be one of: new, existing, current", "threadMode");
    }
}
