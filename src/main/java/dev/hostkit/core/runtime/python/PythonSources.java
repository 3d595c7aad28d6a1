package dev.hostkit.core.runtime.python;

import dev.hostkit.core.files.KitFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies a Python app's sources into a kit, without what must not ship: version control,
 * virtual environments, caches, build output, IDE files, and files that hold data or secrets (env
 * files, databases such as Django's db.sqlite3, keys).
 */
final class PythonSources {
    static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn", "target", "node_modules", "__pycache__",
            ".venv", "venv", ".idea", ".vscode", ".mypy_cache", ".pytest_cache", ".tox", "staticfiles", ".mvn");
    static final Set<String> SKIPPED_FILES = Set.of(".env", ".DS_Store", "pom.xml", "mvnw", "mvnw.cmd", ".git");
    /** Endings of files that hold data or secrets: env files, databases (Django's db.sqlite3), keys. */
    static final List<String> SKIPPED_ENDINGS = List.of(".pyc", ".env", ".sqlite3", ".sqlite", ".db", ".pem", ".key");

    private PythonSources() {}

    static List<KitFile> of(Path appDirectory, String folder) {
        List<KitFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(appDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean skip = !dir.equals(appDirectory) && (SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                            || dir.equals(appDirectory.resolve("src/main/hosting")));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && !SKIPPED_FILES.contains(name) && !name.startsWith(".env.")
                            && SKIPPED_ENDINGS.stream().noneMatch(name::endsWith)) {
                        String path = folder + appDirectory.relativize(file).toString().replace('\\', '/');
                        files.add(KitFile.copied(path, file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Python sources of " + appDirectory, e);
        }
        return files;
    }
}
