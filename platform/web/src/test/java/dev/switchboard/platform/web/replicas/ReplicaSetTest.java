package dev.switchboard.platform.web.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplicaSetTest {

    private static final URI A = URI.create("http://127.0.0.1:8083");
    private static final URI B = URI.create("http://127.0.0.1:8093");
    private static final URI C = URI.create("http://127.0.0.1:8103");

    private final AtomicLong now = new AtomicLong(1_000);
    private final ReplicaSet set = new ReplicaSet(List.of(A, B, C), Duration.ofNanos(500), now::get);

    @Test
    void callsGoRoundRobin() {
        assertEquals(List.of(A, B, C, A, B, C), next(6));
    }

    @Test
    void anUnreachableReplicaIsSkippedForAWhileThenTriedAgain() {
        set.unreachable(B);
        assertTrue(set.isSkipped(B));
        assertEquals(List.of(A, C, C, A, C, C), next(6));
        now.addAndGet(500);
        assertFalse(set.isSkipped(B));
        assertEquals(List.of(A, B, C), next(3));
    }

    @Test
    void aReplicaThatAnswersIsNoLongerSkipped() {
        set.unreachable(A);
        set.answered(URI.create("http://127.0.0.1:8083/internal/runs"));
        assertFalse(set.isSkipped(A));
    }

    @Test
    void whenEveryReplicaIsSkippedTheOneWhoseSkipEndsFirstIsCalled() {
        set.unreachable(B);
        now.addAndGet(10);
        set.unreachable(C);
        now.addAndGet(10);
        set.unreachable(A);
        assertEquals(List.of(B, B, B), next(3));
    }

    private List<URI> next(int n) {
        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(set.next());
        }
        return chosen;
    }
}
