package dev.hostkit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small parser for nginx configuration text into a tree of directives, with nginx's own
 * tokenizing rules: '#' comments, single- and double-quoted strings with backslash escapes,
 * and ';', '{', '}' as separators (except in a "${variable}"). It reads structure only, not
 * what the directives mean: {@code nginx -t} does that.
 */
final class NginxConf {
    private NginxConf() {}

    /** One argument as nginx sees it after unquoting; {@code quoted} tells '' from nothing. */
    record Arg(String value, boolean quoted) {
        @Override
        public String toString() {
            return quoted ? "'" + value + "'" : value;
        }
    }

    /** A directive, with a block ({@code children}) when it ended with '{'. */
    static final class Directive {
        private final String name;
        private final List<Arg> args;
        private final int line;
        private final Directive parent;
        private final List<Directive> children;

        private Directive(String name, List<Arg> args, int line, Directive parent, boolean block) {
            this.name = name;
            this.args = List.copyOf(args);
            this.line = line;
            this.parent = parent;
            this.children = block ? new ArrayList<>() : null;
        }

        String name() {
            return name;
        }

        List<String> values() {
            return args.stream().map(Arg::value).toList();
        }

        String arg(int index) {
            return index < args.size() ? args.get(index).value() : "";
        }

        String lastArg() {
            return args.isEmpty() ? "" : args.get(args.size() - 1).value();
        }

        Directive parent() {
            return parent;
        }

        boolean isBlock() {
            return children != null;
        }

        List<Directive> children() {
            return children == null ? List.of() : children;
        }

        List<Directive> children(String directiveName) {
            return children().stream().filter(child -> child.name.equals(directiveName)).toList();
        }

        Optional<Directive> child(String directiveName) {
            return children().stream().filter(child -> child.name.equals(directiveName)).findFirst();
        }

        /** Every directive below this one, depth first. */
        Stream<Directive> descendants() {
            return children().stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
        }

        Stream<Directive> descendants(String directiveName) {
            return descendants().filter(d -> d.name.equals(directiveName));
        }

        /** The nearest enclosing block (not this one) named {@code blockName}. */
        Optional<Directive> enclosing(String blockName) {
            for (Directive up = parent; up != null; up = up.parent) {
                if (up.name.equals(blockName)) {
                    return Optional.of(up);
                }
            }
            return Optional.empty();
        }

        /**
         * The directives named {@code directiveName} that apply in this block under nginx's
         * inheritance: those of the innermost level, starting here, that has any. Array
         * directives such as add_header and proxy_set_header work this way, so a block that
         * sets one of them loses every one it would have inherited.
         */
        List<Directive> effective(String directiveName) {
            for (Directive level = this; level != null; level = level.parent) {
                List<Directive> here = level.children(directiveName);
                if (!here.isEmpty()) {
                    return here;
                }
            }
            return List.of();
        }

        /** The directive in force here for one that takes a single value, such as gzip. */
        Optional<Directive> effectiveOne(String directiveName) {
            List<Directive> found = effective(directiveName);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        @Override
        public String toString() {
            String text = name + (args.isEmpty() ? "" : " " + String.join(" ", args.stream().map(Arg::toString).toList()));
            return "'" + text + "' (line " + line + ")";
        }
    }

    /** Parses a whole file; the result is a nameless block holding its top-level directives. */
    static Directive parse(String text) {
        Directive root = new Directive("", List.of(), 0, null, true);
        new Parser(text).block(root, false);
        return root;
    }

    private record Token(String text, boolean quoted, boolean separator, int line) {}

    private static final class Parser {
        private final String text;
        private int pos;
        private int line = 1;

        Parser(String text) {
            this.text = text;
        }

        void block(Directive into, boolean nested) {
            List<Token> pending = new ArrayList<>();
            while (true) {
                Token token = next();
                if (token == null) {
                    if (nested || !pending.isEmpty()) {
                        throw new IllegalArgumentException("Unexpected end of file: a '}' or ';' is missing after line " + line);
                    }
                    return;
                }
                if (!token.separator) {
                    pending.add(token);
                    continue;
                }
                switch (token.text) {
                    case ";" -> into.children.add(directive(pending, into, token, false));
                    case "{" -> {
                        Directive block = directive(pending, into, token, true);
                        into.children.add(block);
                        block(block, true);
                    }
                    default -> { // "}"
                        if (!nested) {
                            throw new IllegalArgumentException("Unexpected '}' on line " + token.line);
                        }
                        if (!pending.isEmpty()) {
                            throw new IllegalArgumentException("Directive '" + pending.get(0).text
                                    + "' on line " + pending.get(0).line + " is not terminated by ';'");
                        }
                        return;
                    }
                }
                pending = new ArrayList<>();
            }
        }

        private static Directive directive(List<Token> tokens, Directive parent, Token end, boolean block) {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("Unexpected '" + end.text + "' on line " + end.line);
            }
            List<Arg> args = tokens.subList(1, tokens.size()).stream().map(t -> new Arg(t.text, t.quoted)).toList();
            return new Directive(tokens.get(0).text, args, tokens.get(0).line, parent, block);
        }

        private Token next() {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos);
            int startLine = line;
            if (c == ';' || c == '{' || c == '}') {
                pos++;
                return new Token(String.valueOf(c), false, true, startLine);
            }
            if (c == '"' || c == '\'') {
                return quoted(c, startLine);
            }
            StringBuilder word = new StringBuilder();
            while (pos < text.length()) {
                char w = text.charAt(pos);
                if (w == '{' && word.length() > 0 && word.charAt(word.length() - 1) == '$') {
                    int close = text.indexOf('}', pos);
                    if (close < 0) {
                        throw new IllegalArgumentException("Unterminated ${ on line " + line);
                    }
                    word.append(text, pos, close + 1);
                    pos = close + 1;
                    continue;
                }
                if (Character.isWhitespace(w) || w == ';' || w == '{' || w == '}') {
                    break;
                }
                if (w == '\\' && pos + 1 < text.length()) {
                    word.append(w);
                    w = text.charAt(++pos);
                }
                word.append(w);
                pos++;
            }
            return new Token(word.toString(), false, false, startLine);
        }

        private void skipSpaceAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (Character.isWhitespace(c)) {
                    if (c == '\n') {
                        line++;
                    }
                    pos++;
                } else {
                    return;
                }
            }
        }

        private Token quoted(char quote, int startLine) {
            StringBuilder value = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    return new Token(value.toString(), true, false, startLine);
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '\\' && pos < text.length()) {
                    char escaped = text.charAt(pos++);
                    switch (escaped) {
                        case '"', '\'', '\\' -> value.append(escaped);
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case 'n' -> value.append('\n');
                        default -> value.append('\\').append(escaped);
                    }
                    continue;
                }
                value.append(c);
            }
            throw new IllegalArgumentException("Unterminated string starting on line " + startLine);
        }
    }
}
