package dev.hostkit.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tests' one wait: its deadline, its failure message, and what ends it at once. */
class PollTest {

    @Test
    void returnsTheFirstAnswer() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = Poll.until("a third attempt", Duration.ofSeconds(5), Duration.ofMillis(1), left -> {
            if (attempts.incrementAndGet() < 3) {
                throw new Poll.NotYet("attempt " + attempts.get());
            }
            return "ready";
        });
        assertEquals("ready", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void givesUpAtTheDeadlineNamingWhatItAwaitedAndWhatItSawLast() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        AssertionError error = assertThrows(AssertionError.class, () -> Poll.until("the moon", Duration.ofMillis(300), Duration.ofMillis(50),
                left -> {
                    assertTrue(left.compareTo(Duration.ofMillis(300)) <= 0, "an attempt gets the time left: " + left);
                    throw new Poll.NotYet("no moon " + attempts.incrementAndGet());
                }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(250)) >= 0 && took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        assertEquals("gave up waiting for the moon after 0.3 s (" + attempts.get() + " attempts); the last one saw: no moon " + attempts.get(),
                error.getMessage());
    }

    @Test
    void aFailedAssertionEndsTheWaitAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        AssertionError unhealthy = new AssertionError("unhealthy");
        assertSame(unhealthy, assertThrows(AssertionError.class, () -> Poll.until("health", Duration.ofSeconds(5), left -> {
            attempts.incrementAndGet();
            throw unhealthy;
        })));
        assertEquals(1, attempts.get());
    }

    @Test
    void noWaitIsLongerThanAMinute() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> Poll.until("forever", Duration.ofSeconds(61), left -> "never asked"));
        assertTrue(tooLong.getMessage().contains("at most PT1M"), tooLong.getMessage());
    }
}
