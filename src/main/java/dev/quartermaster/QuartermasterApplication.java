package dev.quartermaster;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class QuartermasterApplication {

    /** Commands run once against the database and exit instead of serving. */
    private static final String ROTATE_MASTER_KEY = "rotate-master-key";

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QuartermasterApplication.class);
        if (args.length > 0 && args[0].equals(ROTATE_MASTER_KEY)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("qm.command", ROTATE_MASTER_KEY));
            args = Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
