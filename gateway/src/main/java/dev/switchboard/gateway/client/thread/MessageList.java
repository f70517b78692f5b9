package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** thread-service's answer to a message listing: the newest messages, oldest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageList(List<MessageView> messages) {}
