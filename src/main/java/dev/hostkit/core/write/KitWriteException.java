package dev.hostkit.core.write;

/** The kit cannot be written without harming files that hostkit does not own. Nothing was written. */
public final class KitWriteException extends RuntimeException {
    public KitWriteException(String message) {
        super(message);
    }
}
