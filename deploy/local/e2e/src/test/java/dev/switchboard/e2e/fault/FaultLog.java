package dev.switchboard.e2e.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test did to the stack and when: each fault (kill -9, SIGTERM, Kafka stopped) with its start and the moment
 * the replica was back. A client may lose a connection only to a gateway replica that was down (killed or stopping)
 * while the request was open: {@link #gatewayDown} says whether it was.
 */
final class FaultLog {

    /** One fault: {@code what} happened to {@code target} (a replica's port, or -1) from {@code start} to {@code end}. */
    record Fault(String what, String service, int port, long start, long end) {

        /**
         * Whether the fault and the interval meet; a connection broken by the fault may be noticed by its client a
         * moment after the replica is back, hence {@link #NOTICED}.
         */
        boolean overlaps(long from, long to) {
            return from <= end + NOTICED.toNanos() && to >= start;
        }
    }

    /** How long after a fault a client may still find a connection it broke. */
    static final Duration NOTICED = Duration.ofSeconds(2);

    private final List<Fault> faults = new ArrayList<>();
    private final Map<Integer, Long> open = new LinkedHashMap<>();
    private final long t0 = System.nanoTime();

    /** Marks the replica on {@code port} as going down now (call before the signal is sent). */
    synchronized void down(int port) {
        open.put(port, System.nanoTime());
    }

    /** The replica on {@code port} is back (ready) or the fault is over: records it. */
    synchronized void up(String what, String service, int port) {
        Long start = open.remove(port);
        faults.add(new Fault(what, service, port, start == null ? System.nanoTime() : start, System.nanoTime()));
    }

    /** Whether the gateway replica on {@code port} was down at some moment between {@code from} and {@code to}. */
    synchronized boolean gatewayDown(int port, long from, long to) {
        Long start = open.get(port);
        if (start != null && start <= to) {
            return true;
        }
        return faults.stream().anyMatch(f -> f.port() == port && f.overlaps(from, to));
    }

    synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    synchronized long count(String what) {
        return faults.stream().filter(f -> f.what().equals(what)).count();
    }

    /** Seconds since the test started, for the timeline it prints. */
    double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    synchronized String timeline() {
        StringBuilder s = new StringBuilder();
        for (Fault f : faults) {
            s.append(String.format(
                    "  %6.1f s .. %6.1f s  %-8s %s%s%n",
                    seconds(f.start()),
                    seconds(f.end()),
                    f.what(),
                    f.service(),
                    f.port() > 0 ? " on " + f.port() : ""));
        }
        return s.toString();
    }
}
