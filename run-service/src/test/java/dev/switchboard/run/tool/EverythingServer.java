package dev.switchboard.run.tool;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference MCP server {@code @modelcontextprotocol/server-everything} (written by the MCP project, not
 * here), installed once under {@code target/mcp-everything} with npm and started with node. Tests that need
 * it are skipped, with the reason, when node is not installed.
 */
final class EverythingServer {

    static final String PACKAGE = "@modelcontextprotocol/server-everything";
    static final String VERSION = "2026.8.31";
    static final Path PREFIX = Path.of("target", "mcp-everything").toAbsolutePath();
    static final Path ENTRY = PREFIX.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

    private EverythingServer() {}

    /** The path of the server's entry script, installing it first if needed; skips the test without node. */
    static synchronized String entry() throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                hasNode(),
                "node is not installed: the MCP tests run the reference server " + PACKAGE
                        + " with node and are skipped without it");
        if (!Files.exists(ENTRY)) {
            Files.createDirectories(PREFIX);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            PREFIX.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--loglevel=error",
                            PACKAGE + "@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(PREFIX.resolve("npm-install.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(ENTRY)) {
                npm.destroyForcibly();
                throw new IllegalStateException(
                        "npm could not install " + PACKAGE + ", see " + PREFIX.resolve("npm-install.log"));
            }
        }
        return ENTRY.toString();
    }

    /** Starts the server's streamable HTTP transport on a free port of 127.0.0.1 and waits until it listens. */
    static Process startHttp(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", entry(), "streamableHttp")
                .redirectErrorStream(true)
                .redirectOutput(PREFIX.resolve("streamable-http.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the MCP server exited: " + Files.readString(PREFIX.resolve("streamable-http.log")));
                }
                return listens(port);
            });
            return process;
        } catch (ConditionTimeoutException notListening) {
            process.destroyForcibly();
            throw new IllegalStateException("the MCP server did not listen on port " + port + " within 30 s");
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static List<String> stdioArgs() throws IOException, InterruptedException {
        return List.of(entry(), "stdio");
    }

    private static boolean hasNode() {
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "node-version.txt"))
                    .start();
            return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
