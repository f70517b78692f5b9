package dev.switchboard.platform.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

class CreatedTest {

    @Test
    void createdIs201WithTheLocationAndTheEntity() {
        RestResponse<String> created = Created.at("/internal/things/7", "thing");
        assertEquals(201, created.getStatus());
        assertEquals(URI.create("/internal/things/7"), created.getLocation());
        assertEquals("thing", created.getEntity());
    }

    @Test
    void aRepeatIs200WithoutALocation() {
        RestResponse<String> repeated = Created.atOrOk(false, "/internal/things/7", "thing");
        assertEquals(200, repeated.getStatus());
        assertNull(repeated.getLocation());
        assertEquals("thing", repeated.getEntity());
        assertEquals(201, Created.atOrOk(true, "/internal/things/7", "thing").getStatus());
    }
}
