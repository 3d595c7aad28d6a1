package dev.hostkit.core.runtime.python;

import java.nio.file.Path;
import java.util.List;

/**
 * Which of a Python app's files ship, besides what its {@code .gitignore} files say.
 *
 * @param projectDirectory the project's folder: the {@code .gitignore} files from it down to the app folder apply
 * @param includes         gitignore patterns that ship although a {@code .gitignore} ignores them (hosting.sourceIncludes)
 * @param excludes         gitignore patterns that never ship (hosting.sourceExcludes)
 */
record SourceSelection(Path projectDirectory, List<String> includes, List<String> excludes) {
    SourceSelection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }
}
