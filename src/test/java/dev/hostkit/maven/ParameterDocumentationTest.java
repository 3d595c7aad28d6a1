package dev.hostkit.maven;

import dev.hostkit.core.BuildSettings;
import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.testing.ProjectDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The goal's parameters, as the plugin descriptor that maven-plugin-plugin generates from the
 * Mojo (what help and IDEs show), are the declared settings: one parameter per setting, named
 * like it, with its property, a type that holds what the user types, and a description that is
 * the declaration's description and default.
 */
class ParameterDocumentationTest {
    private static final Set<String> MAVEN_PROVIDED = Set.of("project", "session", "mojoExecution");
    private static final Set<String> FILES = Set.of("outputDirectory", "templateDirectory");
    /** The goals that share the kit's parameters, with the parameters only they have. */
    private static final Map<String, Set<String>> GOALS = Map.of("generate", Set.of(), "describe", Set.of("context"),
            "eject", Set.of());
    private static Map<String, Element> parameters;
    private static Map<String, Element> configuration;
    private static final Map<String, Set<String>> PARAMETERS_BY_GOAL = new java.util.TreeMap<>();
    private static Document document;

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path descriptor = ProjectDir.resolve("target/classes/META-INF/maven/plugin.xml");
        assertTrue(Files.isRegularFile(descriptor), "no plugin descriptor at " + descriptor + " (maven-plugin-plugin writes it)");
        document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        Element mojo = null;
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element candidate = (Element) mojos.item(i);
            if (text(candidate, "goal").equals("generate")) {
                mojo = candidate;
            }
            PARAMETERS_BY_GOAL.put(text(candidate, "goal"),
                    new TreeSet<>(children(child(candidate, "parameters"), "parameter", element -> text(element, "name")).keySet()));
        }
        assertTrue(mojo != null, "the descriptor has no generate goal");
        parameters = children(child(mojo, "parameters"), "parameter", element -> text(element, "name"));
        configuration = children(child(mojo, "configuration"), null, Element::getTagName);
    }

    private static List<Setting<?>> declared() {
        List<Setting<?>> all = new ArrayList<>(BuildSettings.SETTINGS);
        all.addAll(BuiltIns.load().kitSettings());
        return all;
    }

    @Test
    void everyParameterIsADeclaredSettingAndEverySettingAParameter() {
        Set<String> names = new TreeSet<>(parameters.keySet());
        names.removeAll(MAVEN_PROVIDED);
        Set<String> settings = new TreeSet<>();
        declared().forEach(setting -> settings.add(setting.name()));
        assertEquals(settings, names);
    }

    /** generate, describe and eject read the same configuration: each has every setting's parameter. */
    @Test
    void everyKitGoalHasEveryParameter() {
        Set<String> settings = new TreeSet<>(MAVEN_PROVIDED);
        declared().forEach(setting -> settings.add(setting.name()));
        GOALS.forEach((goal, own) -> {
            Set<String> expected = new TreeSet<>(settings);
            expected.addAll(own);
            assertEquals(expected, PARAMETERS_BY_GOAL.get(goal), goal);
        });
        assertTrue(PARAMETERS_BY_GOAL.containsKey("help"), "hosting:help: " + PARAMETERS_BY_GOAL.keySet());
    }

    /** help and help:describe show the goals' descriptions as written: no Javadoc tags or HTML that they would drop. */
    @Test
    void goalDescriptionsArePlainText() {
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String description = text(mojo, "description");
            if (!text(mojo, "goal").equals("help")) {
                assertTrue(!description.contains("{@") && !description.contains("<") && !description.isBlank(),
                        text(mojo, "goal") + ": " + description);
            }
        }
    }

    /**
     * Maven refuses a plugin whose descriptor requires a newer Maven: it requires the Maven whose API
     * the code compiles and the Mojo tests run against, and the README promises that one.
     */
    @Test
    void theDescriptorRequiresTheMavenTheCodeIsBuiltAgainst() throws Exception {
        Properties core = new Properties();
        try (var in = ParameterDocumentationTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.apache.maven/maven-core/pom.properties")) {
            assertTrue(in != null, "maven-core is not on the test class path");
            core.load(in);
        }
        String oldest = core.getProperty("version");
        assertEquals(oldest, document.getElementsByTagName("requiredMavenVersion").item(0).getTextContent().trim(),
                "the descriptor's requiredMavenVersion");
        assertTrue(Files.readString(ProjectDir.resolve("README.md")).contains("The plugin runs on Maven " + oldest + " or later"),
                "README.md's \"Use it\" should say the plugin runs on Maven " + oldest + " or later");
    }

    /** Eclipse's m2e runs generate on full builds only; the mapping names a goal the plugin has. */
    @Test
    void theM2eMappingRunsGenerateOnFullBuildsOnly() throws Exception {
        var in = ParameterDocumentationTest.class.getClassLoader().getResourceAsStream("META-INF/m2e/lifecycle-mapping-metadata.xml");
        assertTrue(in != null, "no META-INF/m2e/lifecycle-mapping-metadata.xml in the plugin");
        Document mapping = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        NodeList goals = mapping.getElementsByTagName("goal");
        assertEquals(1, goals.getLength());
        assertEquals("generate", goals.item(0).getTextContent().trim());
        assertTrue(PARAMETERS_BY_GOAL.containsKey("generate"));
        assertEquals("false", mapping.getElementsByTagName("runOnIncremental").item(0).getTextContent().trim());
    }

    @Test
    void eachParameterHasItsSettingsPropertyTypeAndDocumentation() {
        List<String> wrong = new ArrayList<>();
        for (Setting<?> setting : declared()) {
            Element parameter = parameters.get(setting.name());
            if (parameter == null) {
                continue; // the test above names it
            }
            String description = setting.description() + " Default: " + setting.defaultText() + ".";
            if (!text(parameter, "description").replaceAll("\\s+", " ").equals(description)) {
                wrong.add(setting.name() + ": the Mojo's Javadoc must read \"" + description + "\"");
            }
            String type = switch (setting.shape()) {
                case VALUE -> FILES.contains(setting.name()) ? "java.io.File" : "java.lang.String";
                case LIST -> "java.util.List";
                case MAP -> "java.util.Map";
                case NESTED -> "org.codehaus.plexus.configuration.PlexusConfiguration";
            };
            if (!text(parameter, "type").equals(type)) {
                wrong.add(setting.name() + ": type " + text(parameter, "type") + ", expected " + type
                        + " (values are strings, so that hostkit's validation gives the message)");
            }
            Element configured = configuration.get(setting.name());
            String expression = configured == null ? "" : configured.getTextContent().trim();
            String expected = setting.property().map(property -> "${" + property + "}").orElse("");
            if (!expression.equals(expected)) {
                wrong.add(setting.name() + ": property expression '" + expression + "', expected '" + expected + "'");
            }
            String defaultValue = configured == null ? "" : configured.getAttribute("default-value");
            if (!defaultValue.isEmpty() && !("`" + defaultValue + "`").equals(setting.defaultText())) {
                wrong.add(setting.name() + ": Maven's default " + defaultValue + " is not the declared " + setting.defaultText());
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Element child(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return (Element) found.item(0);
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().trim();
    }

    private static Map<String, Element> children(Element parent, String tag, java.util.function.Function<Element, String> key) {
        Map<String, Element> byKey = new LinkedHashMap<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && (tag == null || nodes.item(i).getNodeName().equals(tag))) {
                Element element = (Element) nodes.item(i);
                byKey.put(key.apply(element), element);
            }
        }
        return byKey;
    }
}
