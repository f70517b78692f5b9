package dev.switchboard.agent.rest;

/** Validation rules shared by the agent request bodies. */
final class AgentRequests {

    static final String HANDLE_PATTERN = "^[a-z][a-z0-9-]{0,62}$";
    static final String HANDLE_MESSAGE = "handle must match ^[a-z][a-z0-9-]{0,62}$";

    private AgentRequests() {}
}
