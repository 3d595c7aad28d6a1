package dev.hostkit.nginx;

import dev.hostkit.testing.Http;
import dev.hostkit.testing.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The running HTTPS sites ({@link TlsSites}) through the real curl: HTTP/2, redirects, the ACME challenge, headers on every answer. */
class TlsEndToEndTest {
    @RegisterExtension
    static final TlsSites sites = new TlsSites();

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void httpsAnswersThroughTheProxyOverHttp2WithHstsAndSecurityHeaders(TlsSites.Runtime runtime) {
        HttpResponse response = get(sites.https(runtime, "/"));

        assertEquals(200, response.status(), response::toString);
        assertEquals("2", response.protocol(), () -> "HTTP/2 over TLS (the host: listen ... ssl http2 on nginx 1.22; compose: http2 on; on 1.26):\n" + response);
        assertEquals("hello from the app; X-Forwarded-Proto=https; Host=shop.test", response.text(), response::toString);
        assertHeaders(response, true);
    }

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void plainHttpRedirectsToHttpsKeepingPathAndQueryWithoutHsts(TlsSites.Runtime runtime) {
        HttpResponse response = get(sites.http(runtime, "/a/b?x=1&y=2"));

        assertEquals(301, response.status(), response::toString);
        // tlsPort is not 443, so the redirect names it; for compose it is the published port
        assertEquals("https://shop.test:" + sites.tlsPort(runtime) + "/a/b?x=1&y=2", response.header("Location"),
                response::toString);
        assertHeaders(response, false);
    }

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void acmeChallengeIsServedOverPlainHttpFromTheWebroot(TlsSites.Runtime runtime) {
        HttpResponse response = get(sites.http(runtime, "/.well-known/acme-challenge/" + TlsSites.TOKEN));

        assertEquals(200, response.status(), response::toString);
        assertEquals(TlsSites.TOKEN_CONTENT, response.text(), response::toString);
        assertNull(response.header("Location"), response::toString);
        assertEquals("text/plain", response.header("Content-Type"), response::toString);
        assertHeaders(response, false);
    }

    @ParameterizedTest
    @EnumSource(TlsSites.Runtime.class)
    void errorsCarryTheSecurityHeadersAndHsts(TlsSites.Runtime runtime) {
        HttpResponse appError = get(sites.https(runtime, "/boom"));
        HttpResponse appNotFound = get(sites.https(runtime, "/no/such/page"));
        HttpResponse dotfile = get(sites.https(runtime, "/.env"));
        HttpResponse challengeMissing = get(sites.http(runtime, "/.well-known/acme-challenge/missing"));

        assertAll(
                () -> assertEquals(500, appError.status(), appError::toString),
                () -> assertEquals("boom", appError.text(), appError::toString),
                () -> assertHeaders(appError, true),
                () -> assertEquals(404, appNotFound.status(), appNotFound::toString),
                () -> assertHeaders(appNotFound, true),
                () -> assertEquals(403, dotfile.status(), dotfile::toString),
                () -> assertHeaders(dotfile, true),
                () -> assertEquals(404, challengeMissing.status(), challengeMissing::toString),
                () -> assertHeaders(challengeMissing, false));
    }

    @Test
    void staticFilesAndTheirErrorsCarryTheSecurityHeadersAndHsts() {
        HttpResponse file = get(sites.https(TlsSites.Runtime.HOST, "/static/app.css"));
        HttpResponse missing = get(sites.https(TlsSites.Runtime.HOST, "/static/missing.css"));

        assertAll(
                () -> assertEquals(200, file.status(), file::toString),
                () -> assertEquals(TlsSites.CSS, file.text(), file::toString),
                () -> assertEquals("text/css", file.header("Content-Type"), file::toString),
                () -> assertEquals("max-age=2592000", file.header("Cache-Control"), file::toString),
                () -> assertHeaders(file, true),
                () -> assertEquals(404, missing.status(), missing::toString),
                () -> assertHeaders(missing, true));
    }

    private static void assertHeaders(HttpResponse response, boolean hsts) {
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        SiteSpec.SECURITY_HEADERS.forEach((name, value) -> checks.add(() -> assertEquals(value, response.header(name),
                () -> name + " on every response:\n" + response)));
        checks.add(() -> assertEquals(hsts ? "max-age=63072000" : null, response.header("Strict-Transport-Security"),
                () -> (hsts ? "HSTS on every HTTPS response" : "no HSTS over plain HTTP") + ":\n" + response));
        checks.add(() -> assertEquals("nginx", response.header("Server"), () -> "no version (server_tokens off):\n" + response));
        assertAll(checks);
    }


    /** A request through the running nginx that must get an answer, trusting the pair's certificate. */
    private static HttpResponse get(String url) {
        return Http.curlGet(url, sites.pair().certificate());
    }
}
