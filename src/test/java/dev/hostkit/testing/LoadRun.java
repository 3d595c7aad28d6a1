package dev.hostkit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Continuous load on this machine: THREADS clients, each sending one request after the other
 * (through {@link Http}) until {@link #stop}, or until it sent its share of a bound. What
 * came back is counted by body; a status other than 200 (0: no answer) or an exception is a failure.
 */
public final class LoadRun implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, AtomicInteger> byBody = new ConcurrentHashMap<>();
    private long firstFailure;
    private long lastFailure;

    private LoadRun(int threads, int perThread, Supplier<HttpResponse> request) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                for (int i = 0; i < perThread && !stopping.get(); i++) {
                    try {
                        HttpResponse response = request.get();
                        if (response.status() == 200) {
                            byBody.computeIfAbsent(response.text(), body -> new AtomicInteger()).incrementAndGet();
                        } else {
                            fail("status " + response.status() + ": " + response.text());
                        }
                    } catch (RuntimeException e) {
                        fail(e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                    }
                    done.incrementAndGet();
                }
            }));
        }
    }

    /** THREADS clients sending PER_THREAD requests each, or fewer if stopped before. */
    public static LoadRun start(int threads, int perThread, Supplier<HttpResponse> request) {
        return new LoadRun(threads, perThread, request);
    }

    /** THREADS clients sending requests until {@link #stop}. */
    public static LoadRun untilStopped(int threads, Supplier<HttpResponse> request) {
        return new LoadRun(threads, Integer.MAX_VALUE, request);
    }

    /** Requests answered or failed so far. */
    public int done() {
        return done.get();
    }

    /** Waits until the clients sent their share (or were stopped), at most WITHIN. */
    public LoadRun awaitEnd(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            for (Future<?> client : clients) {
                client.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("the load run did not end within " + within + "; " + done.get() + " requests done", e);
        }
        return this;
    }

    /** Tells the clients to stop after the request each is sending, and waits for them (at most 30 s). */
    public LoadRun stop() throws Exception {
        stopping.set(true);
        return awaitEnd(Duration.ofSeconds(30));
    }

    /** What failed, one line per request. */
    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** How many 200 answers came back with each body. */
    public Map<String, Integer> byBody() {
        Map<String, Integer> counts = new TreeMap<>();
        byBody.forEach((body, count) -> counts.put(body, count.get()));
        return counts;
    }

    /** From the first failed request to the last one (zero without failures): an outage's length, as the clients saw it. */
    public Duration failingFor() {
        synchronized (failures) {
            return Duration.ofNanos(lastFailure - firstFailure);
        }
    }

    private void fail(String failure) {
        synchronized (failures) {
            lastFailure = System.nanoTime();
            if (failures.isEmpty()) {
                firstFailure = lastFailure;
            }
            failures.add(failure);
        }
    }

    @Override
    public void close() {
        stopping.set(true);
        pool.shutdownNow();
    }
}
