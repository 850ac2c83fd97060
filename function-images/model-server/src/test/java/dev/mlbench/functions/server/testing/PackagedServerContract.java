package dev.mlbench.functions.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged workload as operators and the local mode run it: {@code PORT=n java -jar target/mlbench-<w>.jar}
 * in its own process, answering a real inference and stopping cleanly on SIGTERM. Runs as an integration
 * test, after the jar and its lib/ exist.
 */
public abstract class PackagedServerContract {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    /** The in-process contract of the same workload, whose valid request and answer are reused. */
    protected abstract OipServerContract workload();

    /** The workload module's name, e.g. {@code sentiment}. */
    protected abstract String workloadName();

    @Test
    void startsFromTheJarAnswersAndStopsOnSigterm() throws Exception {
        Path jar = Path.of("target", "mlbench-" + workloadName() + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing");
        Path log = Files.createTempFile(Path.of("target"), "packaged-server", ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("MLBENCH_TMP_DIR", Path.of("target").toAbsolutePath().toString());
        Process server = builder.start();
        try {
            OipTestClient client = new OipTestClient(port);
            awaitReady(client, server, log);
            OipTestClient.Reply reply = client.post("/v2/models/" + workloadName() + "/infer", workload().validRequest());
            assertEquals(200, reply.status(), reply::toString);
            workload().assertValidResponse(reply.json());

            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "no exit within 30 s of SIGTERM");
            assertEquals(143, server.exitValue(), "exit status after SIGTERM");
            String output = Files.readString(log);
            assertTrue(output.contains("server.stopped"), () -> "no clean stop in the log:\n" + output);
        } finally {
            server.destroyForcibly();
        }
    }

    private static void awaitReady(OipTestClient client, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (client.get("/v2/health/ready").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // the port opens a moment after the process starts
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not ready within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
