package dev.hostkit.core.runtime.java.framework;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppConfigTest {
    @TempDir
    Path dir;

    private AppConfig write(String file, String content) throws IOException {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(resources.resolve(file), content);
        return AppConfig.read(dir);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {"8081 | 8081", "' 8081 ' | 8081", "${PORT:8082} | 8082",
            "${PORT} | NONE", "0 | NONE", "65536 | NONE", "eighty | NONE", "'' | NONE"})
    void aPortIsANumberOrAPlaceholdersDefault(String value, Integer port) {
        assertEquals(port == null ? OptionalInt.empty() : OptionalInt.of(port), new AppConfig(Map.of("server.port", value))
                .port("server.port"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/shop | /shop", "/shop/ | /shop", "shop | /shop", "/ | ''", "'' | ''",
            "/a/b | /a/b", "/sh op | ''", "${CONTEXT:/ctx} | /ctx", "/${x} | ''"})
    void aPathPrefixIsAPlainPathWithoutItsTrailingSlash(String value, String prefix) {
        assertEquals(prefix, new AppConfig(Map.of("server.servlet.context-path", value)).pathPrefix("server.servlet.context-path"));
    }

    @Test
    void yamlIsFlattenedAndItsFirstDocumentCounts() throws IOException {
        AppConfig config = write("application.yml", "server:\n  port: 9001\n  servlet: {context-path: /api}\n"
                + "quarkus.http.port: 9002\n---\nserver:\n  port: 9999\n");
        assertEquals(OptionalInt.of(9001), config.port("server.port"));
        assertEquals("/api", config.pathPrefix("server.servlet.context-path"));
        assertEquals(OptionalInt.of(9002), config.port("quarkus.http.port"));
    }

    @Test
    void propertiesWinOverYaml() throws IOException {
        write("application.yaml", "server:\n  port: 9001\n  address: 0.0.0.0\n");
        AppConfig config = write("application.properties", "server.port=9003\n");
        assertEquals(OptionalInt.of(9003), config.port("server.port"));
        assertEquals(Optional.of("0.0.0.0"), config.get("server.address"));
    }

    @Test
    void yamlTheSafeLoaderCannotReadAndNoFilesMeanNothingIsSet() throws IOException {
        assertEquals(Optional.empty(), AppConfig.read(dir).get("server.port"));
        assertEquals(Optional.empty(), write("application.yml", "server: !!javax.script.ScriptEngineManager [x]\n").get("server"));
    }
}
