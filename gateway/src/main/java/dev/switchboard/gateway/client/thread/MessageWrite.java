package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** The body of thread-service's append ({@code id} makes a retry idempotent); absent details are not sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageWrite(UUID id, String role, String content, String contentHtml, JsonNode metadata) {}
