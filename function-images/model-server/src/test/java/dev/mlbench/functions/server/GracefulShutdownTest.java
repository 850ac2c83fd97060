package dev.mlbench.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.oip.Datatype;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.Tensor;
import dev.mlbench.functions.server.oip.TensorSpec;
import dev.mlbench.functions.server.testing.OipTestClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    private static final String REQUEST = """
            {"inputs": [{"name": "x", "datatype": "FP32", "shape": [1], "data": [1]}]}""";

    private final CountDownLatch inferenceStarted = new CountDownLatch(1);
    private final CountDownLatch releaseInference = new CountDownLatch(1);

    @Test
    void finishesTheRequestInFlightAndRefusesNewOnesWhileStopping() throws Exception {
        ModelServer server = ModelServer.start(new BlockingModelFactory(),
                ServerConfig.loopback(Map.of("SHUTDOWN_GRACE_SECONDS", "20")));
        server.readiness().get(30, TimeUnit.SECONDS);
        OipTestClient client = new OipTestClient(server.port());
        String path = "/v2/models/blocking/infer";

        CompletableFuture<OipTestClient.Reply> inFlight = CompletableFuture.supplyAsync(() -> client.post(path, REQUEST));
        assertTrue(inferenceStarted.await(30, TimeUnit.SECONDS), "the first request never reached the model");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        OipTestClient.Reply refused = awaitRefusal(client, path);
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.body().contains("shutting down"), refused::toString);

        releaseInference.countDown();
        OipTestClient.Reply finished = inFlight.get(30, TimeUnit.SECONDS);
        assertEquals(200, finished.status(), finished::toString);
        stopping.get(30, TimeUnit.SECONDS);
    }

    /** Polls until the server has started draining; the blocked request keeps it from finishing before then. */
    private static OipTestClient.Reply awaitRefusal(OipTestClient client, String path) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            OipTestClient.Reply reply = client.post(path, REQUEST);
            if (reply.status() == 503) {
                return reply;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never started refusing requests");
    }

    /** A model whose non-warm-up inferences wait until the test releases them. */
    private final class BlockingModelFactory implements ModelFactory {

        @Override
        public String defaultModelName() {
            return "blocking";
        }

        @Override
        public InferenceModel load(String modelName, ServerConfig config) {
            ModelMetadata metadata = new ModelMetadata(modelName, "1", "java",
                    List.of(TensorSpec.required("x", Datatype.FP32, 1)), List.of(TensorSpec.required("y", Datatype.FP32, 1)));
            return new InferenceModel() {
                private final AtomicBoolean warmedUp = new AtomicBoolean();

                @Override
                public ModelMetadata metadata() {
                    return metadata;
                }

                @Override
                public List<Tensor> infer(InferenceRequest request) {
                    if (!warmedUp.compareAndSet(false, true) && inferenceStarted.getCount() > 0) {
                        inferenceStarted.countDown();
                        try {
                            releaseInference.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return List.of(Tensor.fp32("y", new long[] {1}, request.input("x").orElseThrow().floats()));
                }

                @Override
                public InferenceRequest sampleRequest() {
                    return InferenceRequest.of(Tensor.fp32("x", new long[] {1}, new float[] {0}));
                }
            };
        }
    }
}
