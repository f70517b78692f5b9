package dev.switchboard.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunRoutesTest {

    @Test
    void theRoutesThatStartOneRunOnArrival() {
        for (String path : new String[] {
            "/api/v1/agents/demo/chat",
            "/api/v1/agents/7/conversations/t1/chat",
            "/api/agents/demo/chat",
            "/api/agents/demo/chat/stream",
            "/api/v1/agents/demo/threads"
        }) {
            assertEquals(1, RunRoutes.startedOnArrival("POST", path), path);
            assertEquals(0, RunRoutes.startedOnArrival("GET", path), path);
            assertFalse(RunRoutes.countedByResource("POST", path), path);
        }
        for (String path : new String[] {
            "/api/v1/agents",
            "/api/v1/agents/demo",
            "/api/agents/demo/history",
            "/api/agents/demo/conversations",
            "/api/v1/agents/demo/conversations/t1",
            "/api/v1/runs/r1/cancel",
            "/api/v1/agents/demo/chat/extra"
        }) {
            assertEquals(0, RunRoutes.startedOnArrival("POST", path), path);
        }
    }

    @Test
    void theRoutesWhoseResourceCountsTheRuns() {
        assertTrue(RunRoutes.countedByResource("POST", "/api/v1/chat/demo/threads/t1/messages"));
        assertTrue(RunRoutes.countedByResource("POST", "/api/teams/3f2c/chat"));
        assertFalse(RunRoutes.countedByResource("POST", "/api/v1/chat/demo/threads/t1/messages/m1/feedback"));
        assertFalse(RunRoutes.countedByResource("GET", "/api/v1/chat/demo/threads/t1/messages"));
    }
}
