package dev.switchboard.run.rest;

import dev.switchboard.run.stub.AgentServiceStub;
import java.util.LinkedHashMap;

/** The JSON body of a run request in a test: the agent, the thread mode and the message, and what else it sets. */
public final class RunBody extends LinkedHashMap<String, Object> {

    private RunBody(AgentServiceStub.Agent agent, String threadMode, String message) {
        put("agentId", agent.uuid().toString());
        put("threadMode", threadMode);
        put("message", message);
    }

    /** A run on a new thread. */
    public static RunBody newThread(AgentServiceStub.Agent agent, String message) {
        return new RunBody(agent, "new", message);
    }

    /** A run on the caller's current thread with the agent. */
    public static RunBody currentThread(AgentServiceStub.Agent agent, String message) {
        return new RunBody(agent, "current", message);
    }

    /** A run on an existing thread. */
    public static RunBody onThread(AgentServiceStub.Agent agent, String threadId, String message) {
        return new RunBody(agent, "existing", message).with("threadId", threadId);
    }

    /** Sets a field; a null value leaves it out. */
    public RunBody with(String field, Object value) {
        if (value != null) {
            put(field, value);
        }
        return this;
    }
}
