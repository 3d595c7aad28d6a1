package dev.hostkit.target.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostkit.testing.KitVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What compose.yaml does for HTTPS: publish the TLS port, mount the certificate, key or Let's Encrypt's files read-only. */
class ComposeTlsTest {
    private static final KitVariant SHOP_TEST = KitVariant.java("shop.test", settings -> settings.set("serverName", "shop.test"));

    @TempDir
    Path dir;

    @Test
    void composePublishesTheTlsPortAndMountsTheCertificateAndKeyReadOnly() {
        JsonNode nginx = composeNginx(SHOP_TEST.withCertificate().with("ports", settings -> settings.set("listenPort", "8000").set("tlsPort", "8443")));

        assertEquals(List.of("8000:80", "8443:443"), strings(nginx.get("ports")));
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro",
                KitVariant.CERTIFICATE + ":" + KitVariant.CERTIFICATE + ":ro", KitVariant.CERTIFICATE_KEY + ":" + KitVariant.CERTIFICATE_KEY + ":ro"),
                strings(nginx.get("volumes")));
    }

    @Test
    void composeInAcmeModeMountsLetsEncryptAndTheWebrootReadOnly() {
        JsonNode nginx = composeNginx(SHOP_TEST.withAcme().with("webroot", settings -> settings.set("tlsAcmeWebroot", "/srv/acme")));

        assertEquals(List.of("80:80", "443:443"), strings(nginx.get("ports")));
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro", "/etc/letsencrypt:/etc/letsencrypt:ro",
                "/srv/acme:/srv/acme:ro"), strings(nginx.get("volumes")));
    }

    @Test
    void composeWithoutTlsPublishesOnlyTheListenPort() {
        JsonNode nginx = composeNginx(SHOP_TEST);

        assertEquals(List.of("80:80"), strings(nginx.get("ports")));
        assertEquals(List.of("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro"), strings(nginx.get("volumes")));
    }

    private JsonNode composeNginx(KitVariant variant) {
        return ComposeSchema.parse(variant.render(dir).read(ComposeRule.COMPOSE)).get("services").get("nginx");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
