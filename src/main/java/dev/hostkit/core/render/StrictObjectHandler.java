package dev.hostkit.core.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.GuardedBinding;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;

import java.util.List;

/**
 * Makes a value tag ({@code {{name}}}) that reads a variable that does not exist fail,
 * naming the template and line. Sections and inverted sections over a missing variable
 * stay allowed: they are how templates test optional values.
 */
final class StrictObjectHandler extends ReflectionObjectHandler {
    private final TemplateOrigins origins;

    StrictObjectHandler(TemplateOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        return new GuardedBinding(this, name, tc, code) {
            @Override
            protected synchronized Wrapper getWrapper(String variable, List<Object> scopes) {
                Wrapper wrapper = super.getWrapper(variable, scopes);
                if (wrapper instanceof MissingWrapper && code instanceof ValueCode) {
                    throw new TemplateException(origins.describe(tc.file()) + ":" + tc.line()
                            + ": the template reads the variable '" + variable + "', which does not exist."
                            + " The README's template-variable reference lists every variable;"
                            + " wrap optional ones in a section ({{#" + variable + "}}...{{/" + variable + "}}).");
                }
                return wrapper;
            }
        };
    }
}
