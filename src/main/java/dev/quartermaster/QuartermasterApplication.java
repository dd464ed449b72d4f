package dev.quartermaster;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class QuartermasterApplication {

    /** Commands run once against the database and exit instead of serving. */
    private static final Set<String> COMMANDS = Set.of("rotate-master-key", "backup", "restore");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QuartermasterApplication.class);
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("qm.command", args[0]));
            args = Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
