package dev.hostkit.core.write;

import dev.hostkit.core.plan.KitFile;
import org.codehaus.plexus.util.io.CachingWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes a planned kit into its output directory, safely:
 * <ul>
 *   <li>every path must stay inside the output directory;</li>
 *   <li>a file that hostkit did not generate, or that a person changed since, is never replaced
 *       (unless {@code overwrite} is on), and the check covers every file before the first write;</li>
 *   <li>only files whose content differs are written, so a rerun leaves modification times alone;</li>
 *   <li>files an earlier run generated that this one does not are removed, if unchanged.</li>
 * </ul>
 */
public final class KitWriter {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    /** Whatever the build's umask: docker COPY keeps the mode, and the image's user is not root. */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    public WriteReport write(List<KitFile> files, Path outputDirectory, boolean overwrite) {
        return write(files, outputDirectory, overwrite, path -> true);
    }

    /**
     * @param removable which files of an earlier run this run may remove when it no longer
     *                  generates them (the kits of environments not rendered this time stay)
     */
    public WriteReport write(List<KitFile> files, Path outputDirectory, boolean overwrite, Predicate<String> removable) {
        Path root = outputDirectory.toAbsolutePath().normalize();
        Manifest previous = Manifest.read(root);
        Map<String, Path> targets = resolveInside(root, files);
        refuseToHarm(root, files, targets, previous, overwrite);

        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (KitFile file : files) {
            Path target = targets.get(file.path());
            boolean changed = file.isCopy() ? copy(file.source(), target) : writeText(file.text(), target);
            setPermissions(target, file.executable() ? EXECUTABLE : READABLE);
            (changed ? written : unchanged).add(file.path());
            hashes.put(file.path(), file.sha256());
        }

        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String path : previous.paths()) {
            if (hashes.containsKey(path)) {
                continue;
            }
            if (!removable.test(path)) {
                hashes.put(path, previous.hashOf(path));
                continue;
            }
            Path stale = root.resolve(path).normalize();
            if (!stale.startsWith(root) || !Files.isRegularFile(stale)) {
                continue;
            }
            if (Manifest.hashOfFile(stale).equals(previous.hashOf(path))) {
                delete(stale, root);
                removed.add(path);
            } else {
                kept.add(path);
            }
        }
        writeText(new Manifest(hashes).render(), root.resolve(Manifest.FILE_NAME));
        return new WriteReport(root, written, unchanged, removed, kept);
    }

    private static Map<String, Path> resolveInside(Path root, List<KitFile> files) {
        Map<String, Path> targets = new HashMap<>();
        for (KitFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root) || file.path().equals(Manifest.FILE_NAME)) {
                throw new KitWriteException("Refusing to write " + file.path() + ": the path escapes the output directory "
                        + root + " (or names hostkit's own manifest). Rename the template that produces it.");
            }
            targets.put(file.path(), target);
        }
        return targets;
    }

    private static void refuseToHarm(Path root, List<KitFile> files, Map<String, Path> targets,
                                     Manifest previous, boolean overwrite) {
        List<String> conflicts = new ArrayList<>();
        for (KitFile file : files) {
            Path target = targets.get(file.path());
            if (Files.isDirectory(target)) {
                conflicts.add(file.path() + " is a directory");
            } else if (Files.exists(target) && !overwrite) {
                if (!previous.contains(file.path())) {
                    conflicts.add(file.path() + " exists and was not generated by hostkit");
                } else if (!Manifest.hashOfFile(target).equals(previous.hashOf(file.path()))) {
                    conflicts.add(file.path() + " was changed by hand since hostkit generated it");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new KitWriteException("Nothing was written to " + root + ", because replacing these files would lose "
                    + "work that is not hostkit's:\n  - " + String.join("\n  - ", conflicts)
                    + "\nMove the changes into a template override (src/main/hosting/<path>.mustache), choose another "
                    + "hosting.outputDirectory, or set hosting.overwrite=true to replace them.");
        }
    }

    private static boolean writeText(String text, Path target) {
        try {
            Files.createDirectories(target.getParent());
            CachingWriter writer = new CachingWriter(target, StandardCharsets.UTF_8);
            try (Writer out = writer) {
                out.write(text);
            }
            return writer.isModified();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static boolean copy(Path source, Path target) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)
                    && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(source))) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
    }

    private static void setPermissions(Path target, Set<PosixFilePermission> permissions) {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        try {
            if (view != null && !view.readAttributes().permissions().equals(permissions)) {
                view.setPermissions(permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set the permissions of " + target, e);
        }
    }

    /** Deletes a stale file and then its parent folders while they are empty, up to the output directory. */
    private static void delete(Path file, Path root) {
        try {
            Files.delete(file);
            for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }
}
