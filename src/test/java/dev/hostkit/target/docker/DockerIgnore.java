package dev.hostkit.target.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * .dockerignore matching as Docker's patternmatcher does it: one pattern a line, '#' comments,
 * '!' re-includes, paths cleaned and relative to the context; '*' and '?' stop at '/', '**'
 * crosses folders; a pattern that matches a folder matches everything in it; the last
 * matching line wins.
 */
final class DockerIgnore {
    static final String PATH = "docker/.dockerignore";

    private record Rule(String pattern, Pattern regex, boolean include) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = clean(include ? line.substring(1).strip() : line);
            rules.add(new Rule(pattern, Pattern.compile(toRegex(pattern)), include));
        }
        return new DockerIgnore(rules);
    }

    /** Whether a path of the build context (relative, '/'-separated) stays out of the context. */
    boolean excludes(String path) {
        String cleaned = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.regex, cleaned)) {
                excluded = !rule.include;
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(Pattern regex, String path) {
        String candidate = path;
        while (true) {
            if (regex.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    /** filepath.Clean for relative paths, and no leading '/'. */
    private static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    i++;
                    regex.append("(.*/)?"); // "**/" also matches no folder at all
                } else {
                    regex.append(".*");
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    regex.append("\\[");
                } else {
                    regex.append('[').append(pattern.substring(i + 1, close).replace("\\", "\\\\").replaceFirst("^!", "^")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
