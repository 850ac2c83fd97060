package dev.mlbench.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsToPort8080AndAllCpusWhenTheEnvironmentIsEmpty() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());
        assertEquals(8080, config.port());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.workerThreads());
        assertEquals(Optional.empty(), config.modelName());
        assertEquals(8 * 1024 * 1024, config.maxRequestBytes());
        assertEquals(1, config.inferenceThreads());
    }

    @Test
    void readsEveryVariable() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.ofEntries(Map.entry("PORT", "9001"),
                Map.entry("MODEL_NAME", "resnet"), Map.entry("MODEL_VARIANT", "large"),
                Map.entry("MAX_REQUEST_BYTES", "2048"), Map.entry("WORKER_THREADS", "3"), Map.entry("WORKER_QUEUE", "7"),
                Map.entry("INFERENCE_THREADS", "2"), Map.entry("SHUTDOWN_GRACE_SECONDS", "1"),
                Map.entry("MLBENCH_TMP_DIR", "/var/tmp/x"), Map.entry("BIND_ADDRESS", "127.0.0.1")));
        assertEquals(9001, config.port());
        assertEquals(Optional.of("resnet"), config.modelName());
        assertEquals(Optional.of("large"), config.modelVariant());
        assertEquals(2048, config.maxRequestBytes());
        assertEquals(3, config.workerThreads());
        assertEquals(7, config.workerQueue());
        assertEquals(2, config.inferenceThreads());
        assertEquals(1, config.shutdownGraceSeconds());
        assertEquals("/var/tmp/x", config.tempDir().toString());
        assertEquals("127.0.0.1", config.bindAddress());
    }

    @Test
    void refusesValuesThatAreNotIntegersOrOutOfRange() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("PORT", "http")));
        assertTrue(notANumber.getMessage().contains("PORT=http"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromEnvironment(Map.of("WORKER_THREADS", "0")));
    }
}
