package dev.mlbench.functions.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a model server is told by its environment.
 *
 * <table>
 * <caption>environment variables</caption>
 * <tr><td>PORT</td><td>TCP port, default 8080 (0 picks a free port)</td></tr>
 * <tr><td>BIND_ADDRESS</td><td>default 0.0.0.0</td></tr>
 * <tr><td>MODEL_NAME</td><td>name the model is served under, default the workload's own</td></tr>
 * <tr><td>MODEL_VARIANT</td><td>workload-specific choice of model, default the workload's default</td></tr>
 * <tr><td>MAX_REQUEST_BYTES</td><td>largest accepted request body, default 8 MiB; larger bodies get 413</td></tr>
 * <tr><td>WORKER_THREADS</td><td>inference threads, default the number of CPUs</td></tr>
 * <tr><td>INFERENCE_THREADS</td><td>threads one inference may use inside the model runtime, default 1</td></tr>
 * <tr><td>WORKER_QUEUE</td><td>requests waiting for a worker before the acceptor itself runs them, default 64</td></tr>
 * <tr><td>SHUTDOWN_GRACE_SECONDS</td><td>how long in-flight requests may finish after SIGTERM, default 5</td></tr>
 * <tr><td>MLBENCH_TMP_DIR</td><td>the only directory the server writes to, default java.io.tmpdir</td></tr>
 * </table>
 */
public record ServerConfig(int port, String bindAddress, Optional<String> modelName, Optional<String> modelVariant,
                           int maxRequestBytes, int workerThreads, int inferenceThreads, int workerQueue, int shutdownGraceSeconds,
                           Path tempDir) {

    public static ServerConfig fromEnvironment(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        return new ServerConfig(
                env.integer("PORT", 8080, 0, 65535),
                env.text("BIND_ADDRESS").orElse("0.0.0.0"),
                env.text("MODEL_NAME"),
                env.text("MODEL_VARIANT"),
                env.integer("MAX_REQUEST_BYTES", 8 * 1024 * 1024, 1024, Integer.MAX_VALUE - 1),
                env.integer("WORKER_THREADS", Runtime.getRuntime().availableProcessors(), 1, 1024),
                env.integer("INFERENCE_THREADS", 1, 1, 256),
                env.integer("WORKER_QUEUE", 64, 1, 1_000_000),
                env.integer("SHUTDOWN_GRACE_SECONDS", 5, 0, 3600),
                Path.of(env.text("MLBENCH_TMP_DIR").orElse(System.getProperty("java.io.tmpdir"))));
    }

    /** A loopback server on a free port, for tests and the in-process benchmark. */
    public static ServerConfig loopback(Map<String, String> overrides) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"));
        environment.putAll(overrides);
        return fromEnvironment(environment);
    }

    private record EnvironmentReader(Map<String, String> environment) {

        Optional<String> text(String name) {
            return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
        }

        int integer(String name, int defaultValue, int min, int max) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) {
                    throw new IllegalArgumentException(name + "=" + value + " is outside [" + min + ", " + max + "]");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "=" + raw.get() + " is not an integer");
            }
        }
    }
}
