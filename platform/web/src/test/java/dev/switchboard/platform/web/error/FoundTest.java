package dev.switchboard.platform.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

class FoundTest {

    @Test
    void anItemPassesThrough() {
        assertEquals(
                "thing",
                Found.orNotFound(Uni.createFrom().item("thing"), "no thing")
                        .await()
                        .indefinitely());
    }

    @Test
    void nothingIsA404WithTheMessageAndField() {
        ApiException missing = assertThrows(
                ApiException.class,
                () -> Found.orNotFound(Uni.createFrom().nullItem(), "thing 7 not found", "thingId")
                        .await()
                        .indefinitely());
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.code());
        assertEquals("thing 7 not found", missing.getMessage());
        assertEquals("thingId", missing.field());
        assertNull(assertThrows(
                        ApiException.class,
                        () -> Found.orNotFound(Uni.createFrom().nullItem(), "none")
                                .await()
                                .indefinitely())
                .field());
    }
}
