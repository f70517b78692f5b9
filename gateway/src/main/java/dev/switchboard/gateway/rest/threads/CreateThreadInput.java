package dev.switchboard.gateway.rest.threads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.platform.web.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of seed 002's {@code POST /api/v1/agents/{agentId}/threads}, checked field by field so that every
 * refusal names its field as the client wrote it ({@code input.content[0].text}, {@code files[1].file_id}).
 * Unknown fields are ignored. The text parts are joined by a blank line into the message's content.
 */
public record CreateThreadInput(
        String content, List<String> fileIds, String clientExternalRef, String attributedUserId) {

    static final String USER_MESSAGE = "user.message";
    static final int MAX_PARTS = 100;
    static final int MAX_CONTENT = 100_000;
    static final int MAX_FILES = 20;
    static final int MAX_REF = 255;
    /** A file id as clients write it; thread-service answers 404 for one that does not exist. */
    static final Pattern FILE_ID = Pattern.compile("file_[0-9A-Za-z]{20,40}");

    public static CreateThreadInput parse(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.invalid("a JSON request body is required", null);
        }
        if (!body.isObject()) {
            throw ApiException.invalid("the request body must be a JSON object", null);
        }
        String content = content(body.get("input"));
        return new CreateThreadInput(
                content,
                files(body.get("files")),
                optionalText(body, "client_external_ref", 0, MAX_REF),
                optionalText(body, "attributed_user_id", 1, MAX_REF));
    }

    private static String content(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ApiException.invalid("input is required", "input");
        }
        if (!input.isObject()) {
            throw ApiException.invalid("input must be a JSON object", "input");
        }
        JsonNode type = input.get("type");
        if (type == null || type.isNull()) {
            throw ApiException.invalid("input.type is required; one of: " + USER_MESSAGE, "input.type");
        }
        if (!type.isTextual() || !USER_MESSAGE.equals(type.asText())) {
            throw ApiException.invalid("input.type must be one of: " + USER_MESSAGE, "input.type");
        }
        JsonNode parts = input.get("content");
        if (parts == null || parts.isNull()) {
            throw ApiException.invalid("input.content is required", "input.content");
        }
        if (!parts.isArray() || parts.isEmpty()) {
            throw ApiException.invalid("input.content must be a non-empty list of text parts", "input.content");
        }
        if (parts.size() > MAX_PARTS) {
            throw ApiException.invalid("input.content may have at most " + MAX_PARTS + " parts", "input.content");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            texts.add(text(parts.get(i), "input.content[" + i + "]"));
        }
        String content = String.join("\n\n", texts);
        if (content.length() > MAX_CONTENT) {
            throw ApiException.invalid(
                    "input.content must be at most " + MAX_CONTENT + " characters in all", "input.content");
        }
        return content;
    }

    private static String text(JsonNode part, String field) {
        if (part == null || !part.isObject()) {
            throw ApiException.invalid(field + " must be a JSON object", field);
        }
        JsonNode type = part.get("type");
        if (type == null || type.isNull()) {
            throw ApiException.invalid(field + ".type is required; one of: text", field + ".type");
        }
        if (!type.isTextual() || !"text".equals(type.asText())) {
            throw ApiException.invalid(field + ".type must be one of: text", field + ".type");
        }
        JsonNode text = part.get("text");
        if (text == null || text.isNull()) {
            throw ApiException.invalid(field + ".text is required", field + ".text");
        }
        if (!text.isTextual()) {
            throw ApiException.invalid(field + ".text must be a string", field + ".text");
        }
        if (text.asText().isBlank()) {
            throw ApiException.invalid(field + ".text must not be empty", field + ".text");
        }
        return text.asText();
    }

    private static List<String> files(JsonNode files) {
        if (files == null || files.isNull()) {
            return List.of();
        }
        if (!files.isArray()) {
            throw ApiException.invalid("files must be a list of {\"file_id\": \"file_...\"}", "files");
        }
        if (files.size() > MAX_FILES) {
            throw ApiException.invalid("files may list at most " + MAX_FILES + " files", "files");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "]";
            JsonNode file = files.get(i);
            if (file == null || !file.isObject()) {
                throw ApiException.invalid(field + " must be a JSON object with a file_id", field);
            }
            JsonNode id = file.get("file_id");
            if (id == null || id.isNull()) {
                throw ApiException.invalid(field + ".file_id is required", field + ".file_id");
            }
            if (!id.isTextual() || !FILE_ID.matcher(id.asText()).matches()) {
                throw ApiException.invalid(field + ".file_id must be a file id (file_...)", field + ".file_id");
            }
            ids.add(id.asText());
        }
        return List.copyOf(ids);
    }

    private static String optionalText(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field + " must be a string", field);
        }
        int length = value.asText().length();
        if (length < min || length > max) {
            throw ApiException.invalid(field + " must be " + min + "-" + max + " characters", field);
        }
        return value.asText();
    }
}
