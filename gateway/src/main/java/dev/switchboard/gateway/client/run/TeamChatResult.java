package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** run-service's team chat answer: each answering member's answer, the summary and the mode. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamChatResult(List<MemberAnswer> responses, String summary, String mode) {

    /** {@code agentId}: the member's handle, else its numeric id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberAnswer(String agentId, String agentName, String content) {}
}
