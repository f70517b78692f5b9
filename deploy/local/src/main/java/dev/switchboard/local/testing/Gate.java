package dev.switchboard.local.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a fake provider or a stub holds an answer until the test says so: nothing passes until the test {@link #let lets}
 * a number of chunks through, {@link #open opens} the gate, or {@link #fail fails} the answer now. The order of
 * events in a test is then decided by the test, never by a delay being long enough.
 *
 * <p>A gate the test never opens holds for at most {@link #HOLD_LIMIT}, then fails, so a forgotten gate cannot
 * hang a build.
 */
public final class Gate {

    /** The longest an answer is held; past it the answer fails. */
    public static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private final CountDownLatch reached = new CountDownLatch(1);
    private volatile boolean open;
    private volatile boolean failed;

    /** Lets the next {@code chunks} chunks through (or, for a gate before the headers, the answer). */
    public Gate let(int chunks) {
        permits.release(chunks);
        return this;
    }

    /** Lets everything through from now on. */
    public Gate open() {
        open = true;
        permits.release(Integer.MAX_VALUE / 2);
        return this;
    }

    /** The answer held here fails now: an error answer if nothing was sent yet, else the connection drops. */
    public void fail() {
        failed = true;
        permits.release(Integer.MAX_VALUE / 2);
    }

    /** Waits until an answer reached the gate with no permit left and had to wait; false if none did in time. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether an answer is held at the gate right now. */
    public boolean holding() {
        return holding.get() > 0;
    }

    /** How many chunks (or answers) went through so far. */
    public int passed() {
        return passed.get();
    }

    /**
     * The holder's side: waits until the gate lets one through, at most {@link #HOLD_LIMIT}; false when the test
     * failed the answer or the limit passed.
     */
    public boolean pass() {
        try {
            return pass(HOLD_LIMIT);
        } catch (Failed failed) {
            return false;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The holder's side: waits up to {@code step} for a permit; true once one came, false when the step ended
     * first (a fake may write a keep-alive and ask again). Throws {@link Failed} when the test failed the answer.
     */
    public boolean pass(Duration step) throws InterruptedException, Failed {
        if (failed) {
            throw new Failed();
        }
        if (!permits.tryAcquire()) {
            holding.incrementAndGet();
            reached.countDown();
            try {
                if (!permits.tryAcquire(step.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } finally {
                holding.decrementAndGet();
            }
        }
        if (failed) {
            throw new Failed();
        }
        passed.incrementAndGet();
        return true;
    }

    /** The test failed the answer held at the gate. */
    public static final class Failed extends Exception {
        public Failed() {
            super("failed at the gate", null, false, false);
        }
    }
}
