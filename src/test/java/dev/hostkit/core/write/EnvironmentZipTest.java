package dev.hostkit.core.write;

import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.KitResult;
import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.testing.SampleProject;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zips of environment kits, packed from what {@link KitGenerator} reports: what the Mojo attaches. */
class EnvironmentZipTest {
    private static final long ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    @TempDir
    Path dir;

    private KitResult generate(SampleProject project, Path output) {
        HostingEnvironment prod = new HostingEnvironment("prod", new HostingSettings());
        prod.settings().set("instances", "2");
        return new KitGenerator().generate(new KitRequest(new HostingSettings().set("serverName", "shop.test"),
                List.of(new HostingEnvironment("dev", new HostingSettings()), prod), List.of(), project.facts(), project.templateDir(),
                output, false));
    }

    /** Packs the kit of the environment, its paths given in reverse order: the zip must not depend on it. */
    private static Path zip(KitResult result, String environment, Path zip) {
        List<String> paths = new ArrayList<>(result.kits().get(environment));
        Collections.reverse(paths);
        KitArchive.write(result.report().outputDirectory().resolve(environment), paths, zip);
        return zip;
    }

    private static List<ZipArchiveEntry> entries(Path zip) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(file.getEntriesInPhysicalOrder());
        }
    }

    @Test
    void anEnvironmentsZipHoldsItsKitAtTheRootSortedWithFixedTimesAndModes() throws IOException {
        SampleProject project = SampleProject.create(dir).withDependency("lib-a-1.0.jar");
        KitResult result = generate(project, project.outputDir());
        List<ZipArchiveEntry> entries = entries(zip(result, "prod", dir.resolve("prod.zip")));

        List<String> names = entries.stream().map(ZipArchiveEntry::getName).toList();
        assertEquals(result.kits().get("prod").stream().sorted().toList(), names);
        assertTrue(names.containsAll(List.of("host/install.sh", "host/systemd/shop@.service", "docker/lib/lib-a-1.0.jar")), names::toString);
        assertFalse(names.stream().anyMatch(name -> name.startsWith("prod/") || name.startsWith("dev/") || name.contains(".hostkit-manifest")));
        for (ZipArchiveEntry entry : entries) {
            assertEquals(ENTRY_TIME, entry.getTime(), entry.getName());
            boolean script = Files.isExecutable(project.outputDir().resolve("prod").resolve(entry.getName()));
            assertEquals(script ? 0100755 : 0100644, entry.getUnixMode(), entry.getName());
        }
        assertEquals(0100755, entries.get(names.indexOf("host/install.sh")).getUnixMode());
    }

    @Test
    void aKitRenderedAgainFromScratchPacksIntoTheSameBytes() throws IOException {
        SampleProject project = SampleProject.create(dir);
        KitResult firstKit = generate(project, dir.resolve("first"));
        Path first = dir.resolve("first.zip");
        KitArchive.write(firstKit.report().outputDirectory().resolve("dev"), firstKit.kits().get("dev"), first);
        Path secondOutput = dir.resolve("second");
        KitResult second = generate(project, secondOutput);
        try (Stream<Path> files = Files.walk(secondOutput)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_234_567_890_000L));
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(zip(second, "dev", dir.resolve("second.zip"))));
        assertFalse(Arrays.equals(Files.readAllBytes(first),
                Files.readAllBytes(zip(second, "prod", dir.resolve("prod.zip")))), "the two environments' kits differ");
    }
}
