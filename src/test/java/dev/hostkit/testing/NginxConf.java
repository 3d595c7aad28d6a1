package dev.hostkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * nginx configuration text read into a tree of directives, with nginx's own tokenizing rules
 * ({@link NginxConfParser}): '#' comments, single- and double-quoted arguments with backslash
 * escapes, ';' ends a directive, '{' opens a block and '}' closes it (except in a "${variable}").
 * It reads structure only, not what the directives mean: {@code nginx -t} does that
 * ({@link Nginx#assertAccepts}).
 */
public final class NginxConf {
    private NginxConf() {}

    /** Parses a whole file; the result is a nameless block holding its top-level directives. */
    public static Directive parse(String text) {
        Directive root = new Directive("", List.of(), 0, null, true);
        new NginxConfParser(text).block(root, false);
        return root;
    }

    /** One argument as nginx sees it after unquoting; {@code quoted} tells '' from nothing. */
    record Arg(String value, boolean quoted) {
        @Override
        public String toString() {
            return quoted ? "'" + value + "'" : value;
        }
    }

    /** A directive, with a block ({@link #children()}) when it ended with '{'. */
    public static final class Directive {
        private final String name;
        private final List<Arg> args;
        private final int line;
        private final Directive parent;
        private final List<Directive> children;

        Directive(String name, List<Arg> args, int line, Directive parent, boolean block) {
            this.name = name;
            this.args = List.copyOf(args);
            this.line = line;
            this.parent = parent;
            this.children = block ? new ArrayList<>() : null;
        }

        void add(Directive child) {
            children.add(child);
        }

        public String name() {
            return name;
        }

        /** The arguments, unquoted. */
        public List<String> args() {
            return args.stream().map(Arg::value).toList();
        }

        /** The argument at INDEX, or "" when there are fewer. */
        public String arg(int index) {
            return index < args.size() ? args.get(index).value() : "";
        }

        public String lastArg() {
            return args.isEmpty() ? "" : args.get(args.size() - 1).value();
        }

        public int line() {
            return line;
        }

        /** The enclosing block, {@code null} for the file itself. */
        public Directive parent() {
            return parent;
        }

        public boolean isBlock() {
            return children != null;
        }

        public List<Directive> children() {
            return children == null ? List.of() : children;
        }

        /** The direct children with this name. */
        public List<Directive> children(String directiveName) {
            return children().stream().filter(child -> child.name.equals(directiveName)).toList();
        }

        public Optional<Directive> child(String directiveName) {
            return children().stream().filter(child -> child.name.equals(directiveName)).findFirst();
        }

        /** Every directive below this one, depth first. */
        public Stream<Directive> descendants() {
            return children().stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
        }

        public Stream<Directive> descendants(String directiveName) {
            return descendants().filter(d -> d.name.equals(directiveName));
        }

        /** The nearest enclosing block (not this one) named {@code blockName}. */
        public Optional<Directive> enclosing(String blockName) {
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
        public List<Directive> effective(String directiveName) {
            for (Directive level = this; level != null; level = level.parent) {
                List<Directive> here = level.children(directiveName);
                if (!here.isEmpty()) {
                    return here;
                }
            }
            return List.of();
        }

        /** The directive in force here for one that takes a single value, such as gzip. */
        public Optional<Directive> effectiveOne(String directiveName) {
            List<Directive> found = effective(directiveName);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        @Override
        public String toString() {
            String text = name + (args.isEmpty() ? "" : " " + String.join(" ", args.stream().map(Arg::toString).toList()));
            return "'" + text + "' (line " + line + ")";
        }
    }
}
