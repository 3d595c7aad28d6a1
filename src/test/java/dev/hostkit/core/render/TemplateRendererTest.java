package dev.hostkit.core.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRendererTest {
    @TempDir
    Path userDir;

    private TemplateRendererTest template(String name, String content) throws IOException {
        Path file = userDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    private String render(String name, Map<String, Object> variables) {
        return new TemplateRenderer(new TemplateOrigins(List.of(userDir), "java")).render(name, variables);
    }

    private TemplateException renderFails(String name, Map<String, Object> variables) {
        return assertThrows(TemplateException.class, () -> render(name, variables));
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected to contain\n" + expected + "\nbut was\n" + actual);
    }

    @Test
    void valuesAreNotHtmlEscaped() throws IOException {
        template("t.mustache", "{{x}}|{{{x}}}|{{&x}}\n");
        assertEquals("a & b < c > d \" e ' f|a & b < c > d \" e ' f|a & b < c > d \" e ' f\n",
                render("t.mustache", Map.of("x", "a & b < c > d \" e ' f")));
    }

    @Test
    void aMissingVariableNamesTheFileTheLineAndTheVariable() throws IOException {
        template("docker/extra.txt.mustache", "first {{app}}\nsecond\nthird {{nope}}\n");
        TemplateException e = renderFails("docker/extra.txt.mustache", Map.of("app", "shop"));
        assertContains(userDir.resolve("docker/extra.txt.mustache") + ":3: the template reads the variable 'nope', which does not exist.",
                e.getMessage());
        assertContains("{{#nope}}...{{/nope}}", e.getMessage());
    }

    @Test
    void aMissingDottedVariableIsNamedInFull() throws IOException {
        template("t.mustache", "{{app.name}} {{app.nmae}}\n");
        TemplateException e = renderFails("t.mustache", Map.of("app", Map.of("name", "shop")));
        assertContains(userDir.resolve("t.mustache") + ":1: the template reads the variable 'app.nmae'", e.getMessage());
    }

    @Test
    void aMissingVariableInABuiltInTemplateSaysItIsBuiltIn() {
        TemplateException e = renderFails("partials/generated.mustache", Map.of("template", Map.of("name", "x")));
        assertContains("partials/generated.mustache (built into the plugin):1: the template reads the variable 'app.name'",
                e.getMessage());
    }

    @Test
    void sectionsOverMissingValuesAreAllowed() throws IOException {
        template("t.mustache", "[{{#missing}}yes {{missing}}{{/missing}}][{{^missing}}no{{/missing}}]"
                + "[{{#app.missing}}yes{{/app.missing}}][{{^app.missing}}no{{/app.missing}}]\n");
        assertEquals("[][no][][no]\n", render("t.mustache", Map.of("app", Map.of("name", "shop"))));
    }

    @Test
    void dottedNamesReadNestedMapsAndListsIterate() throws IOException {
        template("t.mustache", "{{app.name}}:{{app.port}}{{#ports}} {{.}}{{/ports}}{{#app}} ({{name}}){{/app}}\n");
        assertEquals("shop:8080 1 2 (shop)\n",
                render("t.mustache", Map.of("app", Map.of("name", "shop", "port", 8080), "ports", List.of(1, 2))));
    }

    @Test
    void partialsComeFromTheUsersPartialsFolderFirst() throws IOException {
        template("partials/generated.mustache", "# mine for {{app.name}}\n");
        template("t.mustache", "{{> generated}}\nbody\n");
        assertEquals("# mine for shop\nbody\n", render("t.mustache", Map.of("app", Map.of("name", "shop"))));
    }

    @Test
    void partialsFallBackToTheBuiltInOnesAndNestedNamesResolveUnderPartials() throws IOException {
        template("nested/t.mustache", "{{> nginx/catch-all}}");
        String rendered = render("nested/t.mustache", Map.of("listen", 8081));
        assertContains("server {\n    listen 8081 default_server;\n    server_name _;\n", rendered);
    }

    @Test
    void aMissingPartialNamesTheTemplateAndThePartial() throws IOException {
        template("t.mustache", "{{> nope}}\n");
        TemplateException e = renderFails("t.mustache", Map.of());
        assertContains("Cannot render " + userDir.resolve("t.mustache"), e.getMessage());
        assertContains("partials/nope.mustache", e.getMessage());
    }

    @Test
    void standaloneSectionLinesLeaveNoBlankLines() throws IOException {
        template("t.yaml.mustache", "list:\n{{#items}}\n  - {{.}}\n{{/items}}\n{{^items}}\n  []\n{{/items}}\n"
                + "  {{#flag}}\nflag: {{flag}}\n  {{/flag}}\nend: 1\n");
        assertEquals("list:\n  - a\n  - b\nflag: true\nend: 1\n",
                render("t.yaml.mustache", Map.of("items", List.of("a", "b"), "flag", true)));
        assertEquals("list:\n  []\nend: 1\n", render("t.yaml.mustache", Map.of("items", List.of())));
    }

    @Test
    void anIndentedPartialIsIndentedOnEveryLineAndItsBlankLinesStayEmpty() throws IOException {
        template("partials/block.mustache", "one: {{one}}\n\nnested:\n  two: 2\n");
        template("t.yaml.mustache", "root:\n  {{> block}}\nend: 1\n");
        assertEquals("root:\n  one: 1\n\n  nested:\n    two: 2\nend: 1\n", render("t.yaml.mustache", Map.of("one", 1)));
    }

    @Test
    void whitespaceOnlyLinesAreEmptied() throws IOException {
        template("t.mustache", "a\n   \t \n  {{x}}\nb {{x}}c\n");
        assertEquals("a\n\n\nb c\n", render("t.mustache", Map.of("x", "")));
        assertEquals("a\n\n  x\nb xc\n", render("t.mustache", Map.of("x", "x")));
    }

    @Test
    void aSyntaxErrorNamesTheTemplate() throws IOException {
        template("broken/unclosed.mustache", "line\n{{#open}}\nnever closed\n");
        TemplateException e = renderFails("broken/unclosed.mustache", Map.of("open", true));
        assertContains("Cannot render " + userDir.resolve("broken/unclosed.mustache") + ": ", e.getMessage());
        assertContains("open", e.getMessage().substring(e.getMessage().indexOf(": ")));
    }

    @Test
    void aMismatchedCloseNamesTheTemplate() throws IOException {
        template("t.mustache", "{{#a}}x{{/b}}\n");
        TemplateException e = renderFails("t.mustache", Map.of("a", true));
        assertContains("Cannot render " + userDir.resolve("t.mustache") + ": ", e.getMessage());
    }

    @Test
    void aMissingVariableInAPartialNamesThePartial() throws IOException {
        template("partials/p.mustache", "ok\n{{oops}}\n");
        template("t.mustache", "{{> p}}\n");
        TemplateException e = renderFails("t.mustache", Map.of());
        assertContains(userDir.resolve("partials/p.mustache") + ":2: the template reads the variable 'oops'", e.getMessage());
    }

    @Test
    void filePathsMayHoldTags() {
        TemplateRenderer renderer = new TemplateRenderer(new TemplateOrigins(List.of(userDir), "java"));
        Map<String, Object> variables = Map.of("app", Map.of("name", "shop"), "values", Map.of("on", true));
        assertEquals("host/nginx/shop.conf", renderer.renderPath("host/nginx/{{app.name}}.conf", variables));
        assertEquals("plain/path.txt", renderer.renderPath("plain/path.txt", variables));
        assertEquals("x/dir/f", renderer.renderPath("x/{{#values.on}}dir{{/values.on}}/f", variables));
    }

    @Test
    void aPathWithAnEmptyFolderOrFileNameIsNotWritten() {
        TemplateRenderer renderer = new TemplateRenderer(new TemplateOrigins(List.of(userDir), "java"));
        Map<String, Object> variables = Map.of("values", Map.of());
        assertNull(renderer.renderPath("x/{{#values.on}}dir{{/values.on}}/f", variables));
        assertNull(renderer.renderPath("x/{{#values.on}}f{{/values.on}}", variables));
        assertNull(renderer.renderPath("{{#values.on}}x{{/values.on}}/f", variables));
    }

    @Test
    void aPathReadingAMissingVariableFails() {
        TemplateRenderer renderer = new TemplateRenderer(new TemplateOrigins(List.of(userDir), "java"));
        TemplateException e = assertThrows(TemplateException.class, () -> renderer.renderPath("k8s/{{app.nmae}}.yaml", Map.of()));
        assertContains("Cannot render the file name k8s/{{app.nmae}}.yaml: ", e.getMessage());
        assertContains("app.nmae", e.getMessage().substring(e.getMessage().indexOf(".yaml: ")));
    }
}
