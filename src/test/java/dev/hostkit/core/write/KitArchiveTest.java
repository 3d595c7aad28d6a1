package dev.hostkit.core.write;

import dev.hostkit.core.files.KitFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KitArchiveTest {
    private static final List<String> PATHS = List.of("z.txt", "bin/install.sh", "a/b.txt");

    @TempDir
    Path temp;

    private Path kit(String name) {
        Path root = temp.resolve(name);
        new KitWriter().write(List.of(KitFile.rendered("z.txt", "z\n"), KitFile.rendered("bin/install.sh", "#!/bin/sh\n"),
                KitFile.rendered("a/b.txt", "b\n")), root, false, path -> true);
        return root;
    }

    @Test
    void entriesAreSortedWithModesAndContent() throws IOException {
        Path zip = temp.resolve("kit.zip");
        assertTrue(KitArchive.write(kit("kit"), PATHS, zip));
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
            assertEquals(List.of("a/b.txt", "bin/install.sh", "z.txt"), entries.stream().map(ZipArchiveEntry::getName).toList());
            assertEquals(0100755, entries.get(1).getUnixMode());
            assertEquals(0100644, entries.get(0).getUnixMode());
            assertEquals("#!/bin/sh\n", new String(file.getInputStream(entries.get(1)).readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theZipIsByteIdenticalAcrossKitsTimesAndZones() throws IOException {
        Path first = temp.resolve("first.zip");
        Path second = temp.resolve("second.zip");
        KitArchive.write(kit("one"), PATHS, first);
        Path two = kit("two");
        Files.setLastModifiedTime(two.resolve("z.txt"), FileTime.fromMillis(0));
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone.getRawOffset() == 9 * 3_600_000 ? "America/New_York" : "Asia/Tokyo"));
            KitArchive.write(two, PATHS, second);
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void anUnchangedZipIsNotRewritten() throws IOException {
        Path root = kit("kit");
        Path zip = temp.resolve("kit.zip");
        KitArchive.write(root, PATHS, zip);
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        Files.setLastModifiedTime(zip, old);
        assertFalse(KitArchive.write(root, PATHS, zip));
        assertEquals(old, Files.getLastModifiedTime(zip));

        Files.writeString(root.resolve("z.txt"), "changed\n");
        assertTrue(KitArchive.write(root, PATHS, zip));
    }
}
