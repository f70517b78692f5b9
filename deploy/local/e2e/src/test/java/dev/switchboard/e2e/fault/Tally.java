package dev.switchboard.e2e.fault;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What every client saw, shared by the load's threads. */
final class Tally {

    final Queue<Chat> chats = new ConcurrentLinkedQueue<>();
    /** 503 answers, each with Retry-After (one without is a broken chat). */
    final AtomicLong unavailable = new AtomicLong();
    /** Requests sent again after a 503, as its Retry-After said. */
    final AtomicLong retries = new AtomicLong();
    /** Requests sent to the other gateway because the first one's replica was down (refused the connection). */
    final AtomicLong failovers = new AtomicLong();

    void add(Chat chat) {
        chats.add(chat);
    }

    long count(Chat.Outcome outcome) {
        return chats.stream().filter(c -> c.outcome() == outcome).count();
    }

    long succeeded(String route) {
        return chats.stream()
                .filter(c -> c.outcome() == Chat.Outcome.SUCCEEDED && c.route().equals(route))
                .count();
    }

    List<Chat> with(Chat.Outcome outcome) {
        return chats.stream().filter(c -> c.outcome() == outcome).toList();
    }

    long succeededWithTool() {
        return chats.stream()
                .filter(c -> c.outcome() == Chat.Outcome.SUCCEEDED && c.calculated())
                .count();
    }
}
