package dev.hostkit.testing;

import java.time.Duration;
import java.util.function.Function;

/**
 * The tests' one way to wait for something: ask again until the answer is there or a deadline
 * has passed. The deadline is at most {@link #LIMIT}; it is checked before each new attempt,
 * and each attempt is given the time left so that a command it runs can end by the deadline
 * too. The failure names what was awaited, for how long, and what the last attempt saw.
 */
public final class Poll {
    /** No wait in the tests is longer. */
    public static final Duration LIMIT = Duration.ofMinutes(1);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private Poll() {}

    /** An attempt's "not yet", with what it saw (any other RuntimeException means not yet too). */
    public static final class NotYet extends RuntimeException {
        public NotYet(String seen) {
            super(seen, null, false, false);
        }
    }

    /** {@link #until(String, Duration, Duration, Function)} with a pause of 250 ms between attempts. */
    public static <T> T until(String awaited, Duration within, Function<Duration, T> attempt) {
        return until(awaited, within, PAUSE, attempt);
    }

    /**
     * Runs ATTEMPT (given the time left) until it returns a value.
     *
     * @param awaited what is waited for, as the failure message puts it ("nginx to answer GET /")
     * @param within  the deadline, at most {@link #LIMIT}
     * @param attempt returns the result, or {@code null} or throws a RuntimeException for not yet;
     *                an {@link Error} (a failed assertion) ends the wait at once
     */
    public static <T> T until(String awaited, Duration within, Duration pause, Function<Duration, T> attempt) {
        if (within.isNegative() || within.isZero() || within.compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("a wait is bounded by at most " + LIMIT + ", not " + within + ": " + awaited);
        }
        long deadline = System.nanoTime() + within.toNanos();
        RuntimeException last = null;
        for (int attempts = 1; ; attempts++) {
            try {
                T result = attempt.apply(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000)));
                if (result != null) {
                    return result;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw new AssertionError("gave up waiting for " + awaited + " after " + seconds(within) + " (" + attempts
                        + (attempts == 1 ? " attempt" : " attempts") + ")" + (last == null ? "" : "; the last one saw: " + last.getMessage()),
                        last);
            }
            Daemon.sleep(pause.toMillis());
        }
    }

    /** The timeout of a command an attempt runs: its own LIMIT, but never past the time LEFT of the wait. */
    public static Duration atMost(Duration left, Duration limit) {
        return left.compareTo(limit) < 0 ? left : limit;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
