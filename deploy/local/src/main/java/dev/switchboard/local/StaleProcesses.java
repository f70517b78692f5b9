package dev.switchboard.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stops services a previous launcher left running (it was killed, not stopped), using its pid file. */
final class StaleProcesses {

    private StaleProcesses() {}

    static void stop(Path pidFile, PrintStream out) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length < 2) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive() && isOurs(handle.get(), parts[1])) {
                out.printf("Stopping %s (pid %d) left over from an earlier run%n", parts[1], pid);
                handle.get().destroy();
                try {
                    handle.get().onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.get().destroyForcibly();
                }
            }
        }
        Files.delete(pidFile);
    }

    private static boolean isOurs(ProcessHandle handle, String name) {
        return handle.info()
                .arguments()
                .map(args -> String.join(" ", args).contains("-Dswitchboard.local.service=" + name))
                .orElse(false);
    }
}
