package dev.hostkit.core.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SpecMustacheFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders Mustache templates with the rules hostkit needs: spec-conformant standalone lines
 * and partial indentation (YAML depends on both), no HTML escaping, partials looked up under
 * {@code partials/} (user's copy first), and a missing variable is an error.
 * One renderer serves one execution: its compiled templates are not shared.
 */
public final class TemplateRenderer {
    /** Indented partials indent their blank lines too; such lines are emptied. */
    private static final Pattern WHITESPACE_ONLY_LINE = Pattern.compile("(?m)^[ \\t]+$");

    private final TemplateOrigins origins;
    private final DefaultMustacheFactory factory;

    public TemplateRenderer(TemplateOrigins origins) {
        this.origins = origins;
        this.factory = new SpecMustacheFactory(name -> origins.open(name).orElse(null)) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String resolvePartialPath(String dir, String name, String extension) {
                return "partials/" + name + ".mustache";
            }
        };
        this.factory.setObjectHandler(new StrictObjectHandler(origins));
    }

    /**
     * Renders a template's output path, which may itself hold tags, such as
     * {@code host/nginx/{{app.name}}.conf}. A path that renders to an empty folder or file
     * name means "do not write this file" and comes back as {@code null}.
     */
    public String renderPath(String path, Map<String, Object> variables) {
        if (!path.contains("{{")) {
            return path;
        }
        try {
            StringWriter out = new StringWriter();
            factory.compile(new java.io.StringReader(path), "path of " + path).execute(out, variables);
            String rendered = out.toString();
            return rendered.startsWith("/") || rendered.endsWith("/") || rendered.contains("//") ? null : rendered;
        } catch (MustacheException | TemplateException e) {
            throw new TemplateException("Cannot render the file name " + path + ": " + ownMessage(e), e);
        }
    }

    /**
     * @param name      the template's relative path, e.g. {@code compose/compose.yaml.mustache}
     * @param variables what the template can read
     */
    public String render(String name, Map<String, Object> variables) {
        try {
            Mustache mustache = factory.compile(name);
            StringWriter out = new StringWriter();
            mustache.execute(out, variables);
            return WHITESPACE_ONLY_LINE.matcher(out.toString()).replaceAll("");
        } catch (MustacheException | UncheckedIOException e) {
            if (ownCause(e) instanceof TemplateException templateException) {
                throw templateException;
            }
            throw new TemplateException("Cannot render " + origins.describe(name) + ": " + e.getMessage(), e);
        }
    }

    /** Our own error (a missing variable) wrapped by mustache.java, if that is what happened. */
    private static Throwable ownCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateException) {
                return cause;
            }
        }
        return e;
    }

    private static String ownMessage(Throwable e) {
        return ownCause(e).getMessage();
    }
}
