package dev.hostkit.core.write;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.codehaus.plexus.util.io.CachingOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * Packs a written kit into a zip that is byte-identical on every rebuild: entries in path
 * order, one fixed time, no extra fields that vary, and Unix modes that keep scripts executable.
 */
public final class KitArchive {
    private static final int FILE_MODE = 0100644;
    private static final int SCRIPT_MODE = 0100755;

    private KitArchive() {}

    /**
     * @param kitRoot the kit's folder
     * @param paths   the kit's files, relative to {@code kitRoot}
     * @return whether the zip changed (an unchanged zip is not rewritten)
     */
    public static boolean write(Path kitRoot, List<String> paths, Path zip) {
        // The DOS time in a zip is local time: fix the local time so that the bytes do not depend on the zone.
        long entryTime = LocalDateTime.of(1980, 2, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (String path : new TreeSet<>(paths)) {
                Path file = kitRoot.resolve(path);
                ZipArchiveEntry entry = new ZipArchiveEntry(path);
                entry.setTime(entryTime);
                entry.setUnixMode(Files.isExecutable(file) ? SCRIPT_MODE : FILE_MODE);
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + kitRoot + " into " + zip, e);
        }
        try {
            Files.createDirectories(zip.getParent());
            CachingOutputStream target = new CachingOutputStream(zip);
            try (OutputStream out = target) {
                bytes.writeTo(out);
            }
            return target.isModified();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + zip, e);
        }
    }
}
