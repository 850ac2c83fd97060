package dev.mlbench.functions.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mlbench.functions.server.EventLog;
import dev.mlbench.functions.server.metrics.ServerMetrics;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.InferenceRequestParser;
import dev.mlbench.functions.server.oip.InferenceResponse;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.OipException;
import dev.mlbench.functions.server.oip.OipJsonWriter;
import dev.mlbench.functions.server.oip.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Routes the OIP v2 REST paths and {@code /metrics}; turns every failure into an OIP error body. */
public final class OipHttpHandler implements HttpHandler {

    private static final String SERVER_NAME = "mlbench-model-server";
    private static final String SERVER_VERSION = "v2";
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    private final String servedModelName;
    private final Supplier<InferenceModel> readyModel;
    private final int maxRequestBytes;
    private final ServerMetrics metrics;
    private final InferenceRequestParser parser;
    private final OipJsonWriter writer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    /**
     * @param servedModelName the name the server answers to, known before the model is loaded
     * @param readyModel      the loaded and warmed-up model, or {@code null} while it is not ready
     */
    public OipHttpHandler(String servedModelName, Supplier<InferenceModel> readyModel, int maxRequestBytes,
                          ServerMetrics metrics, InferenceRequestParser parser, OipJsonWriter writer) {
        this.servedModelName = servedModelName;
        this.readyModel = readyModel;
        this.maxRequestBytes = maxRequestBytes;
        this.metrics = metrics;
        this.parser = parser;
        this.writer = writer;
    }

    /** Refuses new requests with 503 from now on and waits up to {@code grace} for the in-flight ones to finish. */
    public boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get() == 0;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            route(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        Route route = Route.of(exchange.getRequestURI().getRawPath(), servedModelName);
        try {
            if (draining) {
                throw new OipException(503, "server is shutting down");
            }
            if (route.method() != null && !route.method().equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", route.method());
                throw new OipException(405, exchange.getRequestMethod() + " is not allowed on "
                        + exchange.getRequestURI().getRawPath() + "; use " + route.method());
            }
            switch (route.target()) {
                case LIVE -> send(exchange, 200, writer.flag("live", true));
                case READY -> sendReadiness(exchange);
                case MODEL_READY -> {
                    if (readyModel.get() != null) {
                        model(route);
                    }
                    sendReadiness(exchange);
                }
                case SERVER_METADATA -> send(exchange, 200, writer.serverMetadata(SERVER_NAME, SERVER_VERSION));
                case MODEL_METADATA -> send(exchange, 200, writer.modelMetadata(model(route).metadata()));
                case INFER -> infer(exchange, model(route));
                case METRICS -> sendText(exchange, metrics.scrape());
                case UNKNOWN_MODEL -> throw OipException.notFound("unknown model '" + route.modelName()
                        + "'; this server serves '" + servedModelName + "'");
                case NOT_FOUND -> throw OipException.notFound("no such endpoint: " + exchange.getRequestURI().getRawPath());
            }
        } catch (OipException e) {
            countIfInference(route, e.status());
            send(exchange, e.status(), writer.error(e.getMessage()));
        } catch (RuntimeException e) {
            EventLog.error("request.failed", "path=" + exchange.getRequestURI().getRawPath(), e);
            countIfInference(route, 500);
            send(exchange, 500, writer.error("internal error while serving the request (" + e.getClass().getSimpleName() + ")"));
        } finally {
            exchange.close();
        }
    }

    private void sendReadiness(HttpExchange exchange) throws IOException {
        boolean ready = readyModel.get() != null;
        send(exchange, ready ? 200 : 503, writer.flag("ready", ready));
    }

    private void infer(HttpExchange exchange, InferenceModel model) throws IOException {
        byte[] body = readBody(exchange);
        InferenceRequest request = parser.parse(body, model.metadata());
        long started = System.nanoTime();
        List<Tensor> outputs = model.infer(request);
        metrics.recordInference(System.nanoTime() - started);
        if (!request.requestedOutputs().isEmpty()) {
            outputs = outputs.stream().filter(tensor -> request.requestedOutputs().contains(tensor.name())).toList();
        }
        ModelMetadata metadata = model.metadata();
        send(exchange, 200, writer.response(new InferenceResponse(metadata.name(), metadata.version(), request.id(), outputs)));
        metrics.countRequest("infer", 200);
    }

    private InferenceModel model(Route route) {
        InferenceModel model = readyModel.get();
        if (model == null) {
            throw new OipException(503, "model '" + servedModelName + "' is still loading");
        }
        String version = model.metadata().version();
        if (!route.modelVersion().isEmpty() && !route.modelVersion().equals(version)) {
            throw OipException.notFound("model '" + servedModelName + "' has no version '" + route.modelVersion()
                    + "'; it serves version " + version);
        }
        return model;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxRequestBytes + 1);
            if (body.length > maxRequestBytes) {
                discardRest(in);
                throw tooLarge();
            }
            return body;
        }
    }

    /** Reads what the client is still sending, so that it sees the 413 rather than a reset connection. */
    private static void discardRest(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long discarded = 0;
        int read;
        while (discarded < MAX_DISCARDED_BYTES && (read = in.read(sink)) >= 0) {
            discarded += read;
        }
    }

    private OipException tooLarge() {
        return new OipException(413, "request body exceeds the limit of " + maxRequestBytes
                + " bytes (MAX_REQUEST_BYTES)");
    }

    private void countIfInference(Route route, int status) {
        if (route.target() == Route.Target.INFER) {
            metrics.countRequest("infer", status);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, json);
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        write(exchange, 200, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
