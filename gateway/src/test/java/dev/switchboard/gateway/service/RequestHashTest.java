package dev.switchboard.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestHashTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keyOrderAndSpacingDoNotMatterButValuesAndRoutesDo() throws Exception {
        String a = RequestHash.of("r", JSON.readTree("{\"a\": 1, \"b\": {\"x\": [1, {\"y\": 2, \"z\": 3}]}}"));
        String b = RequestHash.of("r", JSON.readTree("{\"b\":{\"x\":[1,{\"z\":3,\"y\":2}]},\"a\":1}"));
        assertEquals(a, b);
        assertNotEquals(a, RequestHash.of("r", JSON.readTree("{\"a\": 2, \"b\": {\"x\": [1, {\"y\": 2, \"z\": 3}]}}")));
        assertNotEquals(
                a, RequestHash.of("other", JSON.readTree("{\"a\": 1, \"b\": {\"x\": [1, {\"y\": 2, \"z\": 3}]}}")));
        assertNotEquals(RequestHash.of("r", JSON.readTree("[1, 2]")), RequestHash.of("r", JSON.readTree("[2, 1]")));
    }
}
