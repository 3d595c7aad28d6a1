package dev.hostkit.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueTypeTest {
    private static final Setting<Boolean> FLAG = Setting.value("flag", ValueType.bool(), "`false`", "A flag.");
    private static final Setting<Integer> PORT = Setting.value("port", ValueType.port(), "`80`", "A port.");
    private static final Setting<String> PATH = Setting.value("path", ValueType.absolutePath("/opt/shop"), "none", "A path.")
            .withProperty("hosting.some.path");
    private static final Setting<String> IMAGE = Setting.value("image", ValueType.image(), "none", "An image.");

    private static String rejection(Setting<?> setting, String value) {
        return assertThrows(InvalidSettingException.class, () -> setting.parse(value)).getMessage();
    }

    @Test
    void aMissingOrBlankValueMeansTheDefault() {
        assertEquals(Optional.empty(), PORT.parse(null));
        assertEquals(Optional.empty(), PORT.parse(""));
        assertEquals(Optional.empty(), PORT.parse(" \n "));
        assertEquals(Optional.of(80), PORT.parse(" 80\n"), "values are trimmed");
    }

    @Test
    void booleansAreTrueOrFalseAndNothingElse() {
        assertEquals(Optional.of(true), FLAG.parse("true"));
        assertEquals(Optional.of(false), FLAG.parse(" false "));
        for (String value : List.of("yes", "no", "TRUE", "1", "on")) {
            assertEquals("Invalid value for hosting.flag: '" + value + "'. Allowed: true or false.", rejection(FLAG, value));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "80.0", "eighty", "9999999999"})
    void portsAreWholeNumbersFrom1To65535(String value) {
        assertEquals("Invalid value for hosting.port: '" + value + "'. Allowed: a TCP port number from 1 to 65535.",
                rejection(PORT, value));
    }

    @Test
    void anAbsolutePathLosesOneTrailingSlashAndNeverStepsOut() {
        assertEquals(Optional.of("/opt/shop"), PATH.parse("/opt/shop/"));
        String allowed = "Allowed: an absolute path made of letters, digits and . _ - between '/' (no spaces, quotes, ';' "
                + "or braces), such as /opt/shop.";
        assertEquals("Invalid value for hosting.some.path: '/'. " + allowed, rejection(PATH, "/"));
        assertEquals("Invalid value for hosting.some.path: 'opt/shop'. " + allowed, rejection(PATH, "opt/shop"));
        assertEquals("Invalid value for hosting.some.path: '/opt/../etc'. " + allowed + " No '.' or '..' segments.",
                rejection(PATH, "/opt/../etc"));
        assertEquals("hosting.some.path", PATH.label(), "a setting may have a property other than hosting.<name>");
    }

    @Test
    void anImageNamesATagOrDigestButNeverLatest() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        for (String image : List.of("nginx:1.28", "registry.example.com:5000/base/jre:21", "eclipse-temurin@" + digest)) {
            assertEquals(Optional.of(image), IMAGE.parse(image));
        }
        for (String image : List.of("nginx", "nginx:latest", "Nginx:1.28", "nginx:1 28", "nginx:\"1\"", "nginx@sha256:abc")) {
            assertEquals("Invalid value for hosting.image: '" + image + "'. " + ValueType.image().allowed(), rejection(IMAGE, image));
        }
    }

    @Test
    void listsAndMapsHaveNoSingleValue() {
        assertEquals(Optional.empty(), Setting.map("env", "none", "Env.").property());
        assertEquals("hosting.env", Setting.map("env", "none", "Env.").label());
        assertThrows(IllegalStateException.class, () -> Setting.list("targets", "all", "Targets.").parse("docker"));
    }
}
