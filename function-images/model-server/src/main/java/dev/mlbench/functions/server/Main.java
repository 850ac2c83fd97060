package dev.mlbench.functions.server;

import dev.mlbench.functions.server.model.ModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.ServiceLoader;

/** Entry point of every workload jar: {@code PORT=8080 java -jar mlbench-<workload>.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        ModelServer server;
        try {
            config = ServerConfig.fromEnvironment(System.getenv());
            useOnlyTempDir(config);
            server = ModelServer.start(onlyModelFactory(), config);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            EventLog.error("server.failed", "the server could not start", e);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "graceful-shutdown"));
        server.readiness().exceptionally(failure -> {
            System.exit(1);
            return null;
        });
    }

    /** Native libraries (ONNX Runtime, tokenizers) unpack into java.io.tmpdir; on a read-only root only this dir is writable. */
    private static void useOnlyTempDir(ServerConfig config) throws IOException {
        Files.createDirectories(config.tempDir());
        System.setProperty("java.io.tmpdir", config.tempDir().toString());
    }

    private static ModelFactory onlyModelFactory() {
        List<ModelFactory> factories = ServiceLoader.load(ModelFactory.class).stream().map(ServiceLoader.Provider::get).toList();
        if (factories.size() != 1) {
            throw new IllegalStateException("expected exactly one " + ModelFactory.class.getName()
                    + " on the class path, found " + factories.size());
        }
        return factories.get(0);
    }
}
