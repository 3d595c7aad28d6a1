package sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The smallest quarkus-rest app: no configuration, so the kit's QUARKUS_HTTP_PORT and QUARKUS_HTTP_HOST decide. */
@Path("/")
public class Hello {
    @GET
    public String hello() {
        return "hello\n";
    }
}
