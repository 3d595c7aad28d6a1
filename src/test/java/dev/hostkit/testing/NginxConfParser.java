package dev.hostkit.testing;

import dev.hostkit.testing.NginxConf.Arg;
import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.List;

/** The tokenizer and block reader behind {@link NginxConf#parse}. */
final class NginxConfParser {
    private record Token(String text, boolean quoted, boolean separator, int line) {}

    private final String text;
    private int pos;
    private int line = 1;

    NginxConfParser(String text) {
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
                case ";" -> into.add(directive(pending, into, token, false));
                case "{" -> {
                    Directive block = directive(pending, into, token, true);
                    into.add(block);
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
