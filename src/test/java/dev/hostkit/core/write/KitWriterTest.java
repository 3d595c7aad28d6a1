package dev.hostkit.core.write;

import dev.hostkit.core.FileTree;
import dev.hostkit.core.files.KitFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KitWriterTest {
    private static final FileTime OLD = FileTime.fromMillis(946_684_800_000L); // 2000-01-01

    @TempDir
    Path temp;

    private final KitWriter writer = new KitWriter();

    private Path out() {
        return temp.resolve("out");
    }

    private WriteReport write(boolean overwrite, KitFile... files) {
        return writer.write(List.of(files), out(), overwrite, path -> true);
    }

    private WriteReport write(KitFile... files) {
        return write(false, files);
    }

    private static KitFile text(String path, String text) {
        return KitFile.rendered(path, text);
    }

    private String read(String path) throws IOException {
        return Files.readString(out().resolve(path), StandardCharsets.UTF_8);
    }

    private void edit(String path, String text) throws IOException {
        Files.writeString(out().resolve(path), text, StandardCharsets.UTF_8);
    }

    private static List<String> manifestLines(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve(Manifest.FILE_NAME)).stream().filter(line -> !line.startsWith("#")).toList();
    }

    private void ageEveryFile() throws IOException {
        try (Stream<Path> walk = Files.walk(out())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, OLD);
            }
        }
    }

    private List<String> filesNotOld() throws IOException {
        List<String> touched = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!Files.getLastModifiedTime(file).equals(OLD)) {
                    touched.add(out().relativize(file).toString());
                }
            }
        }
        return touched;
    }

    private static void assertMessageContains(String expected, Exception e) {
        assertTrue(e.getMessage().contains(expected), () -> "expected to contain\n" + expected + "\nbut was\n" + e.getMessage());
    }

    @Test
    void writesTheFilesAndAManifestOfThem() throws IOException {
        WriteReport report = write(text("a.txt", "alpha\n"), text("sub/dir/b.txt", "beta\n"));
        assertEquals(List.of("a.txt", "sub/dir/b.txt"), report.written());
        assertEquals(List.of(), report.unchanged());
        assertFalse(report.changedNothing());
        assertEquals(out().toAbsolutePath(), report.outputDirectory());
        assertEquals("alpha\n", read("a.txt"));
        assertEquals("beta\n", read("sub/dir/b.txt"));
        assertEquals(List.of(
                KitFile.sha256("alpha\n".getBytes(StandardCharsets.UTF_8)) + "  a.txt",
                KitFile.sha256("beta\n".getBytes(StandardCharsets.UTF_8)) + "  sub/dir/b.txt"), manifestLines(out()));
    }

    @Test
    void aSecondIdenticalWriteTouchesNothing() throws IOException {
        KitFile[] files = {text("a.txt", "alpha\n"), text("sub/b.txt", "beta\n"), text("run.sh", "#!/bin/sh\necho hi\n")};
        write(files);
        ageEveryFile();

        WriteReport again = write(files);
        assertTrue(again.changedNothing());
        assertEquals(List.of(), again.written());
        assertEquals(List.of("a.txt", "sub/b.txt", "run.sh"), again.unchanged());
        assertEquals(List.of(), filesNotOld(), "files whose modification time changed");
    }

    @Test
    void aChangedInputRewritesOnlyThatFile() throws IOException {
        write(text("a.txt", "alpha\n"), text("b.txt", "beta\n"));
        ageEveryFile();

        WriteReport report = write(text("a.txt", "alpha\n"), text("b.txt", "beta 2\n"));
        assertEquals(List.of("b.txt"), report.written());
        assertEquals(List.of("a.txt"), report.unchanged());
        assertEquals("beta 2\n", read("b.txt"));
        assertEquals(List.of(Manifest.FILE_NAME, "b.txt"), filesNotOld().stream().sorted().toList());
    }

    @Test
    void aFileThatHostkitDidNotGenerateStopsTheWholeWrite() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("b.txt"), "mine\n");
        KitWriteException e = assertThrows(KitWriteException.class,
                () -> write(text("a.txt", "alpha\n"), text("b.txt", "beta\n"), text("sub/c.txt", "gamma\n")));
        assertMessageContains("Nothing was written to " + out().toAbsolutePath(), e);
        assertMessageContains("  - b.txt exists and was not generated by hostkit", e);
        assertMessageContains("hosting.overwrite=true", e);
        assertFalse(e.getMessage().contains("a.txt"), e.getMessage());
        assertEquals(List.of("b.txt"), List.copyOf(FileTree.snapshot(out()).keySet()));
        assertEquals("mine\n", read("b.txt"));
    }

    @Test
    void aDirectoryInTheWayIsAConflictEvenWithOverwrite() throws IOException {
        Files.createDirectories(out().resolve("a.txt"));
        KitWriteException e = assertThrows(KitWriteException.class, () -> write(true, text("a.txt", "alpha\n")));
        assertMessageContains("  - a.txt is a directory", e);
        assertFalse(Files.exists(out().resolve(Manifest.FILE_NAME)));
    }

    @Test
    void aGeneratedFileChangedByHandIsNotReplaced() throws IOException {
        write(text("a.txt", "alpha\n"), text("b.txt", "beta\n"));
        edit("a.txt", "alpha, edited\n");
        Map<String, byte[]> before = FileTree.snapshot(out());

        KitWriteException e = assertThrows(KitWriteException.class,
                () -> write(text("a.txt", "alpha 2\n"), text("b.txt", "beta 2\n")));
        assertMessageContains("  - a.txt was changed by hand since hostkit generated it", e);
        assertMessageContains("src/main/hosting/<path>.mustache", e);
        FileTree.assertSameFiles(before, FileTree.snapshot(out()));
    }

    @Test
    void overwriteReplacesForeignAndHandEditedFiles() throws IOException {
        write(text("a.txt", "alpha\n"));
        edit("a.txt", "alpha, edited\n");
        Files.writeString(out().resolve("b.txt"), "mine\n");

        WriteReport report = write(true, text("a.txt", "alpha\n"), text("b.txt", "beta\n"));
        assertEquals(List.of("a.txt", "b.txt"), report.written());
        assertEquals("alpha\n", read("a.txt"));
        assertEquals("beta\n", read("b.txt"));
        assertTrue(write(text("a.txt", "alpha\n"), text("b.txt", "beta\n")).changedNothing(), "the manifest now owns both");
    }

    @Test
    void filesNoLongerGeneratedAreRemovedWithTheirEmptyFolders() throws IOException {
        write(text("a.txt", "alpha\n"), text("old/deep/x.txt", "x\n"), text("keep/y.txt", "y\n"));
        Files.writeString(out().resolve("keep/mine.txt"), "mine\n");

        WriteReport report = write(text("a.txt", "alpha\n"));
        assertEquals(List.of("keep/y.txt", "old/deep/x.txt"), report.removed());
        assertEquals(List.of(), report.kept());
        assertFalse(report.changedNothing());
        assertFalse(Files.exists(out().resolve("old")), "empty folders are removed");
        assertFalse(Files.exists(out().resolve("keep/y.txt")));
        assertEquals("mine\n", read("keep/mine.txt"));
        assertEquals(List.of(KitFile.sha256("alpha\n".getBytes(StandardCharsets.UTF_8)) + "  a.txt"), manifestLines(out()));
    }

    @Test
    void aFileNoLongerGeneratedButChangedByHandIsKept() throws IOException {
        write(text("a.txt", "alpha\n"), text("old.txt", "old\n"));
        edit("old.txt", "old, edited\n");

        WriteReport report = write(text("a.txt", "alpha\n"));
        assertEquals(List.of("old.txt"), report.kept());
        assertEquals(List.of(), report.removed());
        assertEquals("old, edited\n", read("old.txt"));
    }

    @Test
    void aFileNoLongerGeneratedThatIsAlreadyGoneIsNoTrouble() throws IOException {
        write(text("a.txt", "alpha\n"), text("old.txt", "old\n"));
        Files.delete(out().resolve("old.txt"));
        WriteReport report = write(text("a.txt", "alpha\n"));
        assertEquals(List.of(), report.removed());
        assertEquals(List.of(), report.kept());
    }

    @Test
    void pathsThatLeaveTheOutputDirectoryAreRefusedBeforeAnyWrite() throws IOException {
        for (String path : List.of("../x.txt", "sub/../../x.txt", temp.resolve("abs.txt").toString(), Manifest.FILE_NAME, "")) {
            KitWriteException e = assertThrows(KitWriteException.class, () -> write(text("a.txt", "alpha\n"), text(path, "evil\n")));
            assertMessageContains("Refusing to write " + path + ": the path escapes the output directory", e);
        }
        assertEquals(Map.of(), FileTree.snapshot(temp));
    }

    @Test
    void aScriptBecomesExecutable() throws IOException {
        write(text("install.sh", "#!/usr/bin/env bash\necho hi\n"), text("notes.txt", "# not #!\n"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("install.sh"))));
        assertFalse(Files.getPosixFilePermissions(out().resolve("notes.txt")).contains(PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void aScriptWhosePermissionsWereLostIsMadeExecutableAgain() throws IOException {
        KitFile script = text("install.sh", "#!/bin/sh\n");
        write(script);
        Files.setPosixFilePermissions(out().resolve("install.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(write(script).changedNothing());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("install.sh"))));
    }

    @Test
    void copiedFilesAreComparedByContent() throws IOException {
        Path source = temp.resolve("app.jar");
        Files.write(source, new byte[] {1, 2, 3, 4});
        write(KitFile.copied("docker/app.jar", source));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(out().resolve("docker/app.jar")));
        ageEveryFile();

        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis()));
        assertTrue(write(KitFile.copied("docker/app.jar", source)).changedNothing(), "a newer source with the same bytes");
        assertEquals(List.of(), filesNotOld());

        Files.write(source, new byte[] {1, 2, 3, 5});
        WriteReport report = write(KitFile.copied("docker/app.jar", source));
        assertEquals(List.of("docker/app.jar"), report.written());
        assertArrayEquals(new byte[] {1, 2, 3, 5}, Files.readAllBytes(out().resolve("docker/app.jar")));
    }

    @Test
    void theOutputIsByteIdenticalWhereverItIsWritten() throws IOException {
        Path source = temp.resolve("app.jar");
        Files.write(source, new byte[] {9, 8, 7});
        List<KitFile> files = List.of(text("z.txt", "z\n"), text("a/b.sh", "#!/bin/sh\n"), KitFile.copied("lib/app.jar", source),
                text("unicode.txt", "grüße – 東京\n"));
        writer.write(files, temp.resolve("one"), false, path -> true);
        writer.write(files, temp.resolve("two"), false, path -> true);
        FileTree.assertSameFiles(FileTree.snapshot(temp.resolve("one")), FileTree.snapshot(temp.resolve("two")));
        assertEquals(Files.getPosixFilePermissions(temp.resolve("one/a/b.sh")), Files.getPosixFilePermissions(temp.resolve("two/a/b.sh")));
        assertEquals("grüße – 東京\n", Files.readString(temp.resolve("one/unicode.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aDamagedManifestIsReportedWithWhatToDo() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve(Manifest.FILE_NAME), "garbage-without-a-space\n");
        KitWriteException e = assertThrows(KitWriteException.class, () -> write(text("a.txt", "alpha\n")));
        assertMessageContains("Cannot read " + out().resolve(Manifest.FILE_NAME), e);
        assertMessageContains("delete it and the files hostkit generated", e);
    }

    @Test
    void filesAreWorldReadableWhateverTheUmask() throws IOException {
        Path jar = temp.resolve("app.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        KitFile dockerfile = text("docker/Dockerfile", "FROM x:1\n");
        KitFile copied = KitFile.copied("docker/app.jar", jar);
        write(dockerfile, copied);
        var secret = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(out().resolve("docker/Dockerfile"), secret);
        Files.setPosixFilePermissions(out().resolve("docker/app.jar"), secret);
        write(dockerfile, copied);
        for (String path : List.of("docker/Dockerfile", "docker/app.jar")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out().resolve(path))), path);
        }
    }
}
