package dev.switchboard.gateway.client;

/** A file's bytes with the media type and {@code Content-Disposition} thread-service gave them. */
public record FileBytes(byte[] content, String contentType, String contentDisposition) {
}
