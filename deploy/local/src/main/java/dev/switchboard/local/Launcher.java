package dev.switchboard.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar switchboard-local.jar up}: starts the local stack and keeps it up until Ctrl-C. */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "up";
        String replicas = null;
        try {
            replicas = replicasArgument(args);
        } catch (IllegalArgumentException e) {
            command = "usage";
        }
        if (!"up".equals(command)) {
            System.err.println("usage: switchboard up [--replicas N]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of(System.getProperty("switchboard.root", "."))
                .toAbsolutePath()
                .normalize();
        StackSettings settings;
        try {
            settings = StackSettings.fromEnvironment(root, System.getenv(), replicas);
        } catch (IllegalArgumentException e) {
            System.err.println("Switchboard could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Switchboard ...");
                            stack.close();
                            System.out.println("Stopped. Data kept in " + settings.home());
                            stopped.countDown();
                        },
                        "switchboard-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("Switchboard could not start: " + e.getMessage());
            System.exit(1);
        }
        Path tokenFile = settings.home().resolve("dev-token");
        System.out.println();
        System.out.println("Switchboard ready at " + String.join(" and ", settings.gatewayUrls()));
        for (String gateway : settings.gatewayUrls()) {
            System.out.println("curl -s " + gateway + "/api/agents/demo/chat"
                    + " -H \"Authorization: Bearer $(cat " + tokenFile + ")\""
                    + " -H 'Content-Type: application/json' -d '{\"message\": \"Hello!\"}'");
        }
        System.out.println("(" + tokenFile + " is an admin of the demo organisation; "
                + settings.home().resolve("member-token") + " a member, who sees only their own conversations)");
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** {@code --replicas N} or {@code --replicas=N} after the command, else null (then SWITCHBOARD_REPLICAS). */
    static String replicasArgument(String[] args) {
        String replicas = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--replicas") && i + 1 < args.length) {
                replicas = args[++i];
            } else if (args[i].startsWith("--replicas=")) {
                replicas = args[i].substring("--replicas=".length());
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return replicas;
    }
}
