package dev.switchboard.thread.rest;

import java.util.List;

/** A thread created with its first message: the thread, the message, the attached file ids and its origin. */
public record StartedThreadResponse(
        ThreadResponse thread,
        MessageResponse message,
        List<String> fileIds,
        String source,
        String clientExternalRef,
        String attributedUserId) {}
