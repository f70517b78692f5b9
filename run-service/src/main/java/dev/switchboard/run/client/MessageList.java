package dev.switchboard.run.client;

import java.util.List;

/** thread-service's answer to a message listing. */
public record MessageList(List<MessageView> messages) {}
