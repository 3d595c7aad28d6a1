package dev.hostkit.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of a kit, ready to write: rendered text, or a file copied as it is (the app's jar).
 *
 * @param path       the path relative to the kit's directory, with '/' separators
 * @param text       the rendered content, or {@code null} for a copy
 * @param source     the file to copy, or {@code null} for rendered text
 * @param executable whether the file is a script to be made executable
 */
public record KitFile(String path, String text, Path source, boolean executable) {
    public KitFile {
        Objects.requireNonNull(path, "path");
        if ((text == null) == (source == null)) {
            throw new IllegalArgumentException("a kit file is either rendered or copied: " + path);
        }
    }

    /** Rendered text; a file that starts with a shebang is a script. */
    public static KitFile rendered(String path, String text) {
        return new KitFile(path, text, null, text.startsWith("#!"));
    }

    public static KitFile copied(String path, Path source) {
        return new KitFile(path, null, source, false);
    }

    /** The same file inside a folder of the output, e.g. an environment's. */
    public KitFile under(String folder) {
        return new KitFile(folder + path, text, source, executable);
    }

    public boolean isCopy() {
        return source != null;
    }

    /** SHA-256 of the content, in hex. */
    public String sha256() {
        try {
            return sha256(isCopy() ? Files.readAllBytes(source) : text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
