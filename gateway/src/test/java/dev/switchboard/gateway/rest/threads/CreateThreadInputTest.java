package dev.switchboard.gateway.rest.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.platform.web.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateThreadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INPUT =
            "\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}";

    static CreateThreadInput parse(String body) throws Exception {
        return CreateThreadInput.parse(JSON.readTree(body));
    }

    @Test
    void theSeedsExampleIsRead() throws Exception {
        CreateThreadInput input = parse("""
                {"client_external_ref": "linear-ENG-123", "files": [{"file_id": "file_01KQX0V62MEXAMPLE7W6X3B2A"}],
                 "input": {"content": [{"text": "Summarize the attached launch plan and list follow-ups.",
                 "type": "text"}], "type": "user.message"}}""");
        assertEquals("Summarize the attached launch plan and list follow-ups.", input.content());
        assertEquals(List.of("file_01KQX0V62MEXAMPLE7W6X3B2A"), input.fileIds());
        assertEquals("linear-ENG-123", input.clientExternalRef());
        assertNull(input.attributedUserId());
    }

    @Test
    void textPartsAreJoinedByABlankLine() throws Exception {
        CreateThreadInput input = parse("""
                {"input": {"type": "user.message", "content": [{"type": "text", "text": "one"},
                 {"type": "text", "text": "two"}]}, "attributed_user_id": "carol", "unknown": 1}""");
        assertEquals("one\n\ntwo", input.content());
        assertEquals("carol", input.attributedUserId());
        assertEquals(List.of(), input.fileIds());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|input",
                "{\"input\": null}|input",
                "{\"input\": \"hi\"}|input",
                "{\"input\": {\"content\": []}}|input.type",
                "{\"input\": {\"type\": \"assistant.message\", \"content\": []}}|input.type",
                "{\"input\": {\"type\": 7}}|input.type",
                "{\"input\": {\"type\": \"user.message\"}}|input.content",
                "{\"input\": {\"type\": \"user.message\", \"content\": []}}|input.content",
                "{\"input\": {\"type\": \"user.message\", \"content\": \"hi\"}}|input.content",
                "{\"input\": {\"type\": \"user.message\", \"content\": [\"hi\"]}}|input.content[0]",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"image\", \"text\": \"x\"}]}}|input.content[0].type",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"text\": \"x\"}]}}|input.content[0].type",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"a\"}, {\"type\": \"text\", \"text\": \"\"}]}}|input.content[1].text",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"  \"}]}}|input.content[0].text",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\"}]}}|input.content[0].text",
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": 5}]}}|input.content[0].text",
            })
    void badInputNamesTheField(String body, String field) {
        ApiException e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(400, e.status());
        assertEquals(field, e.field());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"files\": {}|files",
                "\"files\": [\"file_01KQX0V62MEXAMPLE7W6X3B2A\"]|files[0]",
                "\"files\": [{\"file_id\": \"file_01KQX0V62MEXAMPLE7W6X3B2A\"}, {}]|files[1].file_id",
                "\"files\": [{\"file_id\": \"nope\"}]|files[0].file_id",
                "\"files\": [{\"file_id\": 12}]|files[0].file_id",
                "\"client_external_ref\": 5|client_external_ref",
                "\"attributed_user_id\": \"\"|attributed_user_id",
                "\"attributed_user_id\": true|attributed_user_id",
            })
    void badOptionalFieldsNameTheField(String fields, String field) {
        ApiException e = assertThrows(ApiException.class, () -> parse("{" + INPUT + ", " + fields + "}"));
        assertEquals(400, e.status());
        assertEquals(field, e.field());
    }

    @Test
    void limits() throws Exception {
        assertEquals(
                255,
                parse("{" + INPUT + ", \"client_external_ref\": \"" + "r".repeat(255) + "\"}")
                        .clientExternalRef()
                        .length());
        assertEquals(
                "client_external_ref",
                assertThrows(
                                ApiException.class,
                                () -> parse("{" + INPUT + ", \"client_external_ref\": \"" + "r".repeat(256) + "\"}"))
                        .field());
        assertEquals(
                "attributed_user_id",
                assertThrows(
                                ApiException.class,
                                () -> parse("{" + INPUT + ", \"attributed_user_id\": \"" + "u".repeat(256) + "\"}"))
                        .field());
        assertEquals(
                "input.content",
                assertThrows(
                                ApiException.class,
                                () -> parse("{\"input\": {\"type\": "
                                        + "\"user.message\", \"content\": [{\"type\": \"text\", \"text\": \""
                                        + "x".repeat(100_001)
                                        + "\"}]}}"))
                        .field());
        String files = "{\"file_id\": \"file_01KQX0V62MEXAMPLE7W6X3B2A\"},".repeat(21);
        assertEquals(
                "files",
                assertThrows(
                                ApiException.class,
                                () -> parse(
                                        "{" + INPUT + ", \"files\": [" + files.substring(0, files.length() - 1) + "]}"))
                        .field());
        assertNull(assertThrows(ApiException.class, () -> parse("[]")).field());
    }
}
