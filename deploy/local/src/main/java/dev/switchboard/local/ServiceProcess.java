package dev.switchboard.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of a Quarkus service running as a child process, its output going to a log file; it is ready when its
 * management port answers {@code /q/health/ready}. A fault test stops it the hard way ({@link #kill()}), the
 * graceful way ({@link #terminate()}) and starts it again on the same ports with the same settings
 * ({@link #restart()}).
 */
public final class ServiceProcess {

    /** How long a service may take to be ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * How long {@link #terminate()} waits for the process to exit after SIGTERM: run-service's drain
     * ({@code quarkus.shutdown.timeout}, 30 s by default) and a margin for the JVM to stop.
     */
    public static final Duration TERMINATE_GRACE = Duration.ofSeconds(45);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int replica;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Runnable onStart;
    private volatile Process process;

    private ServiceProcess(
            String name,
            int replica,
            int port,
            int managementPort,
            List<String> command,
            Map<String, String> environment,
            Path log,
            Runnable onStart) {
        this.name = name;
        this.replica = replica;
        this.port = port;
        this.managementPort = managementPort;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.onStart = onStart;
    }

    /**
     * Starts replica {@code replica} of the service in {@code jar} with {@code config} as system properties and
     * {@code environment} added to its environment; {@code onStart} runs after each start (the launcher's pid file).
     */
    static ServiceProcess start(
            String name,
            int replica,
            Path jar,
            int port,
            int managementPort,
            String javaOptions,
            Map<String, String> config,
            Map<String, String> environment,
            Path logDir,
            Runnable onStart)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it first with ./mvnw -DskipTests package "
                    + "(./switchboard up does that for you)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dswitchboard.local.service=" + name);
        command.add("-Dswitchboard.local.replica=" + replica);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(replica == 0 ? name + ".log" : name + "-" + replica + ".log");
        ServiceProcess service =
                new ServiceProcess(name, replica, port, managementPort, command, environment, log, onStart);
        service.launch();
        return service;
    }

    private synchronized void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        onStart.run();
    }

    /** The service: {@code agent-service}, {@code thread-service}, {@code run-service} or {@code gateway}. */
    public String name() {
        return name;
    }

    /** 0-based: replica k listens on the service's port + 10 * k. */
    public int replica() {
        return replica;
    }

    /** {@code gateway} for replica 0, {@code gateway-1} for replica 1 (its log is {@code <id>.log}). */
    public String id() {
        return replica == 0 ? name : name + "-" + replica;
    }

    /** The port it serves its API on. */
    public int port() {
        return port;
    }

    /** The port of its health, metrics and OpenAPI. */
    public int managementPort() {
        return managementPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The pid of the current process (a restart changes it). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL ({@code kill -9}): the JVM stops at once, nothing drains; returns once it has exited. */
    public synchronized void kill() {
        Process p = process;
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(id() + " (pid " + p.pid() + ") is still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + id() + " was being killed", e);
        }
    }

    /**
     * SIGTERM: the service drains (no new work, running work finishes or is handed over) and exits; returns its exit
     * code. One that has not exited within {@link #TERMINATE_GRACE} is killed and this fails.
     */
    public synchronized int terminate() {
        Process p = process;
        p.destroy();
        try {
            if (!p.waitFor(TERMINATE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(
                        id() + " did not exit within " + TERMINATE_GRACE.toSeconds() + " s of SIGTERM: killed");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + id() + " was draining", e);
        }
    }

    /**
     * Starts the service again on the same ports with the same settings (stopping it with SIGTERM first if it is still
     * running) and returns once it is ready.
     */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
        launch();
        awaitReady(READY_TIMEOUT);
    }

    /** Waits until the service answers its readiness check; fails fast if the process dies. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Process p = process;
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(id() + " exited with code " + p.exitValue() + " before it was ready; "
                        + "its log " + log + " ends with:\n" + tail(30));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(150);
        }
        throw new IOException(id() + " was not ready within " + timeout.toSeconds() + " s; see " + log
                + ", which ends with:\n" + tail(30));
    }

    /** SIGTERM, then SIGKILL if it has not stopped in time. */
    void stop(Duration grace) {
        Process p = process;
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return id() + " on " + port;
    }
}
