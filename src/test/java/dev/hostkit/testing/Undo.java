package dev.hostkit.testing;

/**
 * What the tests must undo on the machine whatever happens (stop a daemon, put a firewall
 * policy back): run once, by {@link #close()}, or by a JVM shutdown hook when the run is
 * interrupted first (Ctrl-C, SIGTERM). Only a SIGKILL leaves it undone.
 */
public final class Undo implements AutoCloseable {
    private final Runnable action;
    private final Thread hook;
    private boolean done;

    private Undo(String name, Runnable action) {
        this.action = action;
        this.hook = new Thread(this::runOnce, name);
    }

    /** @param name the shutdown hook's thread name, for a thread dump */
    public static Undo onExit(String name, Runnable action) {
        Undo undo = new Undo(name, action);
        Runtime.getRuntime().addShutdownHook(undo.hook);
        return undo;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        runOnce();
    }

    private synchronized void runOnce() {
        if (done) {
            return;
        }
        done = true;
        action.run();
    }
}
