package dev.switchboard.run.rest;

import java.util.List;

/**
 * A team chat's answer: each answering member's answer ({@code agentId}: the member's handle, else its numeric
 * id, as seed 003 names agents), the summary and the mode.
 */
public record TeamChatView(List<MemberAnswer> responses, String summary, String mode) {

    /** One member's answer. */
    public record MemberAnswer(String agentId, String agentName, String content) {}
}
