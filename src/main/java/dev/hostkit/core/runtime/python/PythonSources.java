package dev.hostkit.core.runtime.python;

import dev.hostkit.core.files.KitFile;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a Python app's sources into a kit: what the project's {@code .gitignore} files keep (git's own rules, through
 * JGit: negations, folder patterns, nested files), never what {@link #NEVER_SHIPS} or {@code sourceExcludes} name, and
 * what {@code sourceIncludes} names although a {@code .gitignore} ignores it.
 */
final class PythonSources {
    /**
     * Never in a kit, whatever a {@code .gitignore} or {@code sourceIncludes} says: version control and CI, virtual
     * environments, caches, build output, data (databases, uploads, collected static files), secrets (env files, keys),
     * the Maven build and other hosts' process files (Heroku's Procfile and runtime.txt: the kit runs gunicorn itself).
     */
    static final List<String> NEVER_SHIPS = List.of(".git", ".hg/", ".svn/", ".github/", ".gitlab-ci.yml", ".idea/",
            ".vscode/", ".DS_Store", ".venv/", "venv/", "node_modules/", "__pycache__/", "*.py[co]", ".mypy_cache/",
            ".pytest_cache/", ".tox/", "*.sqlite3", "*.sqlite3-journal", "*.sqlite", "*.db", ".env*", "*.env", "*.pem",
            "*.key", "media/", "staticfiles/", "target/", "/.mvn/", "/pom.xml", "/mvnw", "/mvnw.cmd", "/src/main/hosting/",
            "/Procfile", "/runtime.txt");

    private PythonSources() {}

    /** The app folder's files that ship, as kit files under {@code folder}. */
    static List<KitFile> of(SourceSelection selection, Path appDirectory, String folder) {
        IgnoreNode denied = node(Stream.concat(NEVER_SHIPS.stream(), selection.excludes().stream()).toList());
        IgnoreNode included = node(selection.includes());
        Deque<Level> gitignores = new ArrayDeque<>();
        for (Path above = appDirectory.getParent(); above != null && above.startsWith(selection.projectDirectory());
                above = above.getParent()) {
            gitignores.addLast(new Level(above, gitignore(above), false));
        }
        List<KitFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(appDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean top = dir.equals(appDirectory);
                    boolean ignored = !top && !ships(dir, true);
                    if (ignored && (denied(dir, true) || selection.includes().isEmpty())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    // an ignored folder is entered only for what sourceIncludes names in it
                    boolean parentIgnored = !top && gitignores.peekFirst().ignored();
                    gitignores.addFirst(new Level(dir, gitignore(dir), ignored || parentIgnored));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    gitignores.removeFirst();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && ships(file, false)) {
                        files.add(KitFile.copied(folder + relative(appDirectory, file), file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean denied(Path path, boolean directory) {
                    return Boolean.TRUE.equals(denied.checkIgnored(relative(appDirectory, path), directory));
                }

                private boolean ships(Path path, boolean directory) {
                    if (denied(path, directory)) {
                        return false;
                    }
                    if (Boolean.TRUE.equals(included.checkIgnored(relative(appDirectory, path), directory))) {
                        return true;
                    }
                    if (!gitignores.isEmpty() && gitignores.peekFirst().ignored()) {
                        return false;
                    }
                    // the nearest .gitignore with a matching rule decides, as in git
                    for (Level level : gitignores) {
                        Boolean ignored = level.rules().checkIgnored(relative(level.dir(), path), directory);
                        if (ignored != null) {
                            return !ignored;
                        }
                    }
                    return true;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Python sources of " + appDirectory, e);
        }
        return files;
    }

    /**
     * The .dockerignore lines that keep what never ships out of the image's {@code app/}, after its {@code !app/}:
     * an unanchored pattern at any depth, an anchored one at the top.
     */
    static List<String> dockerignore(List<String> excludes) {
        return Stream.concat(NEVER_SHIPS.stream(), excludes.stream())
                .map(pattern -> pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern)
                .map(pattern -> pattern.startsWith("/") ? "app" + pattern : "app/**/" + pattern)
                .toList();
    }

    /** The rules of the {@code .gitignore} in a folder, none without one. */
    private static IgnoreNode gitignore(Path dir) {
        IgnoreNode node = new IgnoreNode();
        Path file = dir.resolve(".gitignore");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return node;
    }

    private static IgnoreNode node(List<String> patterns) {
        return new IgnoreNode(patterns.stream().map(FastIgnoreRule::new).toList());
    }

    private static String relative(Path dir, Path path) {
        return dir.relativize(path).toString().replace('\\', '/');
    }

    /** A folder's .gitignore rules; ignored when the folder is entered only for sourceIncludes. */
    private record Level(Path dir, IgnoreNode rules, boolean ignored) {}
}
