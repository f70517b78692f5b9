package dev.switchboard.thread.rest;

/** One message and the caller's feedback on it ({@code feedback} null if the caller gave none). */
public record MessageDetailsResponse(MessageResponse message, FeedbackResponse feedback) {}
