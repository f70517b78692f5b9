package dev.switchboard.platform.web.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the strict parser refuses, and the field it names, read into records as REST bodies are. */
class StrictJsonParserTest {

    record Title(String title) {}

    record Part(String type, String text) {}

    record Input(String type, List<Part> content) {}

    record Thread(Input input) {}

    final ObjectMapper json = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper(new StrictJsonFactory());
        new JsonConfig().customize(mapper);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }

    InvalidJsonInput refused(String body, Class<?> type) {
        return refused(body.getBytes(StandardCharsets.UTF_8), type);
    }

    InvalidJsonInput refused(byte[] body, Class<?> type) {
        Exception e = assertThrows(Exception.class, () -> json.readValue(body, type));
        InvalidJsonInput refused = InvalidJsonInput.in(e);
        assertNotNull(refused, "not refused by the strict parser: " + e);
        return refused;
    }

    @Test
    void theNulCharacterInAStringNamesItsPath() {
        InvalidJsonInput e = refused("{\"title\": \"t\\u0000x\"}", Title.class);
        assertEquals("title", e.field());
        assertEquals("title must not contain the NUL character (\\u0000)", e.getOriginalMessage());

        e = refused(
                "{\"input\": {\"type\": \"user.message\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}, "
                        + "{\"type\": \"text\", \"text\": \"a\\u0000\"}]}}",
                Thread.class);
        assertEquals("input.content[1].text", e.field());
    }

    @Test
    void theNulCharacterInAKeyIsRefusedAsWritten() {
        InvalidJsonInput e = refused("{\"ti\\u0000tle\": \"x\"}", Title.class);
        assertEquals("ti\\u0000tle", e.field());
        assertTrue(e.getOriginalMessage().startsWith("the key ti\\u0000tle must not contain"));
    }

    @Test
    void unpairedSurrogatesAreRefusedAndPairsAccepted() {
        assertEquals("title", refused("{\"title\": \"\\ud800\"}", Title.class).field());
        assertEquals("title", refused("{\"title\": \"x\\udc00y\"}", Title.class).field());
        assertEquals("title", refused("{\"title\": \"\\ud83d\"}", Title.class).field());
        assertTrue(refused("{\"title\": \"\\ud800\"}", Title.class)
                .getOriginalMessage()
                .contains("unpaired UTF-16 surrogate (\\ud800)"));
        assertDoesNotThrow(() -> json.readValue("{\"title\": \"\\ud83d\\ude00 and 😀\"}", Title.class));
    }

    @Test
    void aKeyGivenTwiceInOneObjectNamesIt() {
        InvalidJsonInput e = refused("{\"title\": \"t\", \"title\": \"u\"}", Title.class);
        assertEquals("title", e.field());
        assertEquals("title is given more than once", e.getOriginalMessage());
        assertEquals(
                "input.type",
                refused("{\"input\": {\"type\": \"a\", \"type\": \"b\"}}", Thread.class)
                        .field());
        assertDoesNotThrow(
                () -> json.readTree("{\"a\": {\"b\": 1}, \"c\": {\"b\": 2}, \"d\": [{\"b\": 1}, {\"b\": 2}]}"));
    }

    @Test
    void bytesThatAreNotUtf8NameTheField() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xff, 'x', '"', '}'};
        InvalidJsonInput e = refused(body, Title.class);
        assertEquals("title", e.field());
        assertTrue(e.getOriginalMessage().startsWith("the request body is not valid UTF-8"), e.getOriginalMessage());
        // a surrogate encoded in UTF-8 bytes (CESU-8) is not UTF-8 either
        byte[] cesu = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'
        };
        assertEquals("title", refused(cesu, Title.class).field());
    }

    @Test
    void anythingAfterTheValueIsRefused() {
        InvalidJsonInput e = refused("{\"title\": \"t\"} {\"title\": \"u\"}", Title.class);
        assertNull(e.field());
        assertEquals("the request body must be one JSON value with nothing after it", e.getOriginalMessage());
        assertTrue(refused("{\"title\": \"t\"} x", Title.class)
                .getOriginalMessage()
                .startsWith("the request body is not valid JSON (line 1, column"));
        assertDoesNotThrow(() -> json.readValue("{\"title\": \"t\"}  \n", Title.class));
    }

    @Test
    void ignoredFieldsAndTreesAreCheckedToo() {
        assertEquals(
                "ignored.deep[0]",
                refused("{\"title\": \"t\", \"ignored\": {\"deep\": [\"\\u0000\"]}}", Title.class)
                        .field());
        assertEquals(
                "metadata.a",
                refused("{\"metadata\": {\"a\": \"\\u0000\"}}", JsonNode.class).field());
    }

    @Test
    void syntaxErrorsNameTheFieldWhereTheyAre() {
        InvalidJsonInput e = refused("{\"input\": {\"type\": tru}}", Thread.class);
        assertEquals("input.type", e.field());
        assertTrue(e.getOriginalMessage().startsWith("the request body is not valid JSON (line 1, column"));
    }
}
