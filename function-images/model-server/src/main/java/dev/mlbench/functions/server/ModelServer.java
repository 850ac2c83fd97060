package dev.mlbench.functions.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mlbench.functions.server.http.OipHttpHandler;
import dev.mlbench.functions.server.metrics.ServerMetrics;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.InferenceRequestParser;
import dev.mlbench.functions.server.oip.OipJsonWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OIP v2 server for one model. It listens at once (live), loads the model on a background thread and
 * turns ready only after one warm-up inference through the full decode, infer and encode path succeeded.
 */
public final class ModelServer implements AutoCloseable {

    static {
        // without TCP_NODELAY, headers and body leave as two segments and delayed ACKs add ~40 ms per response
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ServerConfig config;
    private final String modelName;
    private final ServerMetrics metrics;
    private final HttpServer http;
    private final OipHttpHandler handler;
    private final ThreadPoolExecutor workers;
    private final InferenceRequestParser parser;
    private final OipJsonWriter writer;
    private final CompletableFuture<InferenceModel> readiness = new CompletableFuture<>();
    private volatile InferenceModel readyModel;

    private ModelServer(ServerConfig config, String modelName) throws IOException {
        this.config = config;
        this.modelName = modelName;
        this.metrics = new ServerMetrics(modelName, ManagementFactory.getRuntimeMXBean().getStartTime());
        ObjectMapper mapper = new ObjectMapper();
        this.parser = new InferenceRequestParser(mapper);
        this.writer = new OipJsonWriter(mapper.getFactory());
        this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.workerQueue()), namedDaemonThreads("oip-worker-"),
                // a full queue makes the acceptor serve the request itself, which stops it accepting more
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.http = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
        this.handler = new OipHttpHandler(modelName, () -> readyModel, config.maxRequestBytes(), metrics, parser, writer);
        http.createContext("/", handler);
        http.setExecutor(workers);
    }

    /**
     * Starts loading the model, binds the port meanwhile (the two share nothing, and on a cold JVM both are
     * mostly class loading), and returns; {@link #readiness()} tells when the model is served.
     */
    public static ModelServer start(ModelFactory factory, ServerConfig config) throws IOException {
        String modelName = config.modelName().orElse(factory.defaultModelName());
        CompletableFuture<LoadedModel> loading = new CompletableFuture<>();
        startDaemon("model-loader", () -> {
            try {
                long started = System.nanoTime();
                InferenceModel model = factory.load(modelName, config);
                loading.complete(new LoadedModel(model, Duration.ofNanos(System.nanoTime() - started)));
            } catch (Exception | LinkageError e) {
                loading.completeExceptionally(e);
            }
        });
        ModelServer server = new ModelServer(config, modelName);
        server.http.start();
        EventLog.info("server.listening", "port=" + server.port() + " model=" + modelName
                + " workers=" + config.workerThreads() + " maxRequestBytes=" + config.maxRequestBytes());
        loading.whenCompleteAsync(server::warmUpAndServe, task -> startDaemon("model-warm-up", task));
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String modelName() {
        return modelName;
    }

    /** Completes with the model once it is ready, or exceptionally when loading or warming up failed. */
    public CompletableFuture<InferenceModel> readiness() {
        return readiness;
    }

    private void warmUpAndServe(LoadedModel loaded, Throwable failure) {
        if (failure != null) {
            EventLog.error("model.failed", "model=" + modelName, failure);
            readiness.completeExceptionally(failure);
            return;
        }
        try {
            metrics.modelLoaded(loaded.duration());
            long warmUpStarted = System.nanoTime();
            warmUp(loaded.model());
            readyModel = loaded.model();
            metrics.modelReady(System.currentTimeMillis());
            EventLog.info("model.ready", "model=" + modelName + " version=" + loaded.model().metadata().version()
                    + " loadMs=" + loaded.duration().toMillis()
                    + " warmUpMs=" + Duration.ofNanos(System.nanoTime() - warmUpStarted).toMillis());
            readiness.complete(loaded.model());
            metrics.bindProcessMetrics();
        } catch (RuntimeException e) {
            EventLog.error("model.failed", "model=" + modelName + " warm-up failed", e);
            readiness.completeExceptionally(e);
        }
    }

    private void warmUp(InferenceModel model) {
        byte[] body = writer.request(model.sampleRequest());
        InferenceRequest request = parser.parse(body, model.metadata());
        model.infer(request);
    }

    /** Stops accepting, lets in-flight requests finish within the grace period, then releases the model. */
    @Override
    public void close() {
        EventLog.info("server.stopping", "graceSeconds=" + config.shutdownGraceSeconds());
        try {
            if (!handler.drain(Duration.ofSeconds(config.shutdownGraceSeconds()))) {
                EventLog.warn("server.drain", "requests still running after the grace period are cut off");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        workers.shutdownNow();
        InferenceModel model = readyModel;
        if (model != null) {
            model.close();
        }
        metrics.close();
        EventLog.info("server.stopped", "model=" + modelName);
    }

    private static java.util.concurrent.ThreadFactory namedDaemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private record LoadedModel(InferenceModel model, Duration duration) {
    }
}
