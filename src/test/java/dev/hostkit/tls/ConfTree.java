package dev.hostkit.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An nginx config file read into a tree of directives, with nginx's tokenizing rules: '#'
 * comments, single- and double-quoted arguments with backslash escapes, ';' ends a directive,
 * '{' opens a block and '}' closes it. It reads structure only; {@code nginx -t} reads meaning.
 */
final class ConfTree {
    /** A directive: its name, unquoted arguments, line, and a block ({@code children}) when it has one. */
    static final class Directive {
        final String name;
        final List<String> args;
        final int line;
        final Directive parent;
        final List<Directive> children;

        private Directive(String name, List<String> args, int line, Directive parent, boolean block) {
            this.name = name;
            this.args = List.copyOf(args);
            this.line = line;
            this.parent = parent;
            this.children = block ? new ArrayList<>() : List.of();
        }

        String arg(int index) {
            return index < args.size() ? args.get(index) : "";
        }

        /** The direct children with this name. */
        List<Directive> all(String directive) {
            return children.stream().filter(child -> child.name.equals(directive)).toList();
        }

        /** This directive's descendants, depth first. */
        Stream<Directive> descendants() {
            return children.stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
        }

        @Override
        public String toString() {
            return "line " + line + ": " + name + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }
    }

    private ConfTree() {}

    /** The file's top level (a block named "file" whose children are its directives). */
    static Directive parse(String text) {
        Directive root = new Directive("file", List.of(), 0, null, true);
        Directive block = root;
        List<String> words = new ArrayList<>();
        int wordsLine = 0;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '{') {
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": '" + c + "' without a directive");
                }
                Directive directive = new Directive(words.get(0), words.subList(1, words.size()), wordsLine, block, c == '{');
                block.children.add(directive);
                if (c == '{') {
                    block = directive;
                }
                words.clear();
                i++;
            } else if (c == '}') {
                if (!words.isEmpty() || block == root) {
                    throw new IllegalArgumentException("line " + line + ": unexpected '}'");
                }
                block = block.parent;
                i++;
            } else {
                if (words.isEmpty()) {
                    wordsLine = line;
                }
                StringBuilder word = new StringBuilder();
                if (c == '"' || c == '\'') {
                    i++;
                    while (i < text.length() && text.charAt(i) != c) {
                        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                            i++;
                        }
                        if (text.charAt(i) == '\n') {
                            line++;
                        }
                        word.append(text.charAt(i++));
                    }
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("line " + wordsLine + ": unterminated quote");
                    }
                    i++;
                } else {
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && ";{}".indexOf(text.charAt(i)) < 0
                            && !(text.charAt(i) == '#' && word.isEmpty())) {
                        // "${name}" is one word: its braces are not blocks
                        if (text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                            int close = text.indexOf('}', i);
                            word.append(text, i, close + 1);
                            i = close + 1;
                        } else {
                            word.append(text.charAt(i++));
                        }
                    }
                }
                words.add(word.toString());
            }
        }
        if (block != root || !words.isEmpty()) {
            throw new IllegalArgumentException("unexpected end of file: a block or directive is not closed");
        }
        return root;
    }
}
