package dev.switchboard.thread.rest;

import java.util.List;

public record MessageListResponse(List<MessageResponse> messages) {}
