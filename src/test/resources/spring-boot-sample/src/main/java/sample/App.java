package sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest spring-boot-starter-web app: no configuration, so the kit's SERVER_PORT and SERVER_ADDRESS decide. */
@SpringBootApplication
@RestController
public class App {
    @GetMapping("/")
    public String hello() {
        return "hello\n";
    }

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
