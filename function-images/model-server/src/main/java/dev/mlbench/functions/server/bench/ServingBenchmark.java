package dev.mlbench.functions.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlbench.functions.server.ModelServer;
import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.InferenceRequestParser;
import dev.mlbench.functions.server.oip.OipJsonWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Warm latency of the workload's sample inference called in-process against the same inference over loopback
 * HTTP, in alternating rounds within one JVM so both see the same JIT state. Prints one {@code key=value} line.
 * Usage: {@code java -cp <workload jar> dev.mlbench.functions.server.bench.ServingBenchmark [requests-per-side]}.
 */
public final class ServingBenchmark {

    private static final int ROUNDS = 10;

    private ServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = Math.max(1, (args.length > 0 ? Integer.parseInt(args[0]) : 2000) / ROUNDS);
        ModelFactory factory = ServiceLoader.load(ModelFactory.class).findFirst().orElseThrow();
        try (ModelServer server = ModelServer.start(factory, ServerConfig.loopback(Map.of("SHUTDOWN_GRACE_SECONDS", "0")))) {
            InferenceModel model = server.readiness().get(5, TimeUnit.MINUTES);
            ObjectMapper mapper = new ObjectMapper();
            byte[] body = new OipJsonWriter(mapper.getFactory()).request(model.sampleRequest());
            InferenceRequest request = new InferenceRequestParser(mapper).parse(body, model.metadata());
            String inferPath = "/v2/models/" + server.modelName() + "/infer";
            try (KeepAliveHttpClient client = new KeepAliveHttpClient(server.port())) {
                Side inProcess = new Side(perRound * ROUNDS, () -> model.infer(request));
                Side overHttp = new Side(perRound * ROUNDS, () -> client.post(inferPath, body));
                inProcess.warmUp(perRound);
                overHttp.warmUp(perRound);
                for (int round = 0; round < ROUNDS; round++) {
                    inProcess.measure(perRound);
                    overHttp.measure(perRound);
                }
                double inProcessP50 = inProcess.percentileMillis(50);
                double httpP50 = overHttp.percentileMillis(50);
                System.out.printf(Locale.ROOT, "model=%s requests=%d inprocess_p50_ms=%.3f inprocess_p99_ms=%.3f"
                                + " http_p50_ms=%.3f http_p99_ms=%.3f http_overhead_p50_ratio=%.3f%n",
                        server.modelName(), perRound * ROUNDS, inProcessP50, inProcess.percentileMillis(99), httpP50,
                        overHttp.percentileMillis(99), (httpP50 - inProcessP50) / inProcessP50);
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** One way of calling the model and the latencies it recorded. */
    private static final class Side {
        private final long[] nanos;
        private final Call call;
        private int recorded;

        Side(int capacity, Call call) {
            this.nanos = new long[capacity];
            this.call = call;
        }

        void warmUp(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                call.run();
            }
        }

        void measure(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                call.run();
                nanos[recorded++] = System.nanoTime() - started;
            }
        }

        double percentileMillis(int percent) {
            long[] sorted = Arrays.copyOf(nanos, recorded);
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }
}
