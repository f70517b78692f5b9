package dev.switchboard.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of run-service's run result the gateway reads: the run completed before it answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResult(String runId, String threadId, String status, String content, String model) {
}
