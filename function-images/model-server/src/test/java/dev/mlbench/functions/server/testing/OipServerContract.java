package dev.mlbench.functions.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlbench.functions.server.ModelServer;
import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.ModelFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What every mlbench model server must do over HTTP: serve its metadata, accept what the metadata declares,
 * refuse malformed requests with the right 4xx and a useful message, and answer the next good request
 * correctly. A workload test extends this class, names its factory, one valid request and what a correct
 * answer to it looks like; the server is started once per class on a free loopback port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OipServerContract {

    protected static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private ModelServer server;
    private OipTestClient client;

    protected abstract ModelFactory modelFactory();

    /** A request that the model must answer with 200. */
    protected abstract String validRequest();

    /** Fails unless {@code response} is the right answer to {@link #validRequest()}. */
    protected abstract void assertValidResponse(JsonNode response);

    /** Extra environment for the server under test, such as {@code MODEL_VARIANT}. */
    protected Map<String, String> serverEnvironment() {
        return Map.of();
    }

    @BeforeAll
    void startServer() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("MAX_REQUEST_BYTES", Integer.toString(MAX_REQUEST_BYTES));
        environment.put("SHUTDOWN_GRACE_SECONDS", "0");
        environment.putAll(serverEnvironment());
        server = ModelServer.start(modelFactory(), ServerConfig.loopback(environment));
        server.readiness().get(3, TimeUnit.MINUTES);
        client = new OipTestClient(server.port());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected OipTestClient client() {
        return client;
    }

    protected String inferPath() {
        return "/v2/models/" + server.modelName() + "/infer";
    }

    /** Posts an inference and returns the JSON body, failing with the server's message unless it is a 200. */
    protected JsonNode infer(String requestJson) {
        OipTestClient.Reply reply = client.post(inferPath(), requestJson);
        assertEquals(200, reply.status(), () -> "inference failed: " + reply);
        return reply.json();
    }

    /** The data of the output called {@code name} in an inference response. */
    protected static JsonNode output(JsonNode response, String name) {
        for (JsonNode output : response.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output '" + name + "' in " + response);
    }

    @Test
    void answersTheValidRequest() {
        JsonNode response = infer(validRequest());
        assertEquals(server.modelName(), response.get("model_name").asText());
        assertValidResponse(response);
    }

    @Test
    void reportsLiveReadyAndServerMetadata() {
        assertEquals(200, client.get("/v2/health/live").status());
        assertEquals(200, client.get("/v2/health/ready").status());
        assertEquals(200, client.get("/v2/models/" + server.modelName() + "/ready").status());
        OipTestClient.Reply metadata = client.get("/v2");
        assertEquals(200, metadata.status());
        assertTrue(metadata.json().has("extensions"), metadata::toString);
    }

    @Test
    void metadataDescribesWhatInferAcceptsAndReturns() {
        OipTestClient.Reply reply = client.get("/v2/models/" + server.modelName());
        assertEquals(200, reply.status(), reply::toString);
        JsonNode metadata = reply.json();
        assertEquals(server.modelName(), metadata.get("name").asText());
        for (JsonNode input : OipTestClient.parse(validRequest()).get("inputs")) {
            JsonNode declared = tensorNamed(metadata.get("inputs"), input.get("name").asText());
            assertEquals(declared.get("datatype"), input.get("datatype"), "datatype of " + input.get("name"));
            assertShapeFits(declared.get("shape"), input.get("shape"));
        }
        for (JsonNode declared : metadata.get("inputs")) {
            if (!declared.path("parameters").path("optional").asBoolean(false)) {
                assertTrue(hasTensorNamed(OipTestClient.parse(validRequest()).get("inputs"), declared.get("name").asText()),
                        "the valid request lacks required input " + declared);
            }
        }
        JsonNode response = infer(validRequest());
        assertEquals(metadata.get("outputs").size(), response.get("outputs").size(), response::toString);
        assertEquals(metadata.get("versions").get(0).asText(), response.get("model_version").asText());
        for (JsonNode output : response.get("outputs")) {
            JsonNode declared = tensorNamed(metadata.get("outputs"), output.get("name").asText());
            assertEquals(declared.get("datatype"), output.get("datatype"), "datatype of " + output.get("name"));
            assertShapeFits(declared.get("shape"), output.get("shape"));
        }
    }

    @Test
    void returnsOnlyTheRequestedOutput() {
        ObjectNode request = (ObjectNode) OipTestClient.parse(validRequest());
        String wanted = infer(validRequest()).get("outputs").get(0).get("name").asText();
        request.putArray("outputs").addObject().put("name", wanted);
        JsonNode response = infer(request.toString());
        assertEquals(1, response.get("outputs").size(), response::toString);
        assertEquals(wanted, response.get("outputs").get(0).get("name").asText());
    }

    @Test
    void echoesTheRequestId() {
        ObjectNode request = (ObjectNode) OipTestClient.parse(validRequest());
        request.put("id", "req-42");
        assertEquals("req-42", infer(request.toString()).get("id").asText());
    }

    @Test
    void exposesPrometheusMetricsWithStartAndReadyTimestamps() {
        infer(validRequest());
        OipTestClient.Reply metrics = client.get("/metrics");
        assertEquals(200, metrics.status());
        double started = gauge(metrics.body(), "mlbench_process_start_time_seconds");
        double ready = gauge(metrics.body(), "mlbench_model_ready_time_seconds");
        assertTrue(started > 1.6e9 && ready >= started, "start " + started + " ready " + ready);
        assertTrue(gauge(metrics.body(), "mlbench_model_load_duration_seconds") >= 0);
        assertTrue(metrics.body().contains("mlbench_inference_duration_seconds_bucket"), "no latency histogram");
        assertTrue(gauge(metrics.body(), "mlbench_requests_total") >= 1, "no request count");
    }

    @TestFactory
    Stream<DynamicTest> refusesMalformedRequestsAndKeepsServing() {
        return malformedRequests().stream().map(malformed -> dynamicTest(malformed.description(), () -> {
            OipTestClient.Reply reply = client.send(malformed.method(), malformed.path(),
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(malformed.body()));
            assertEquals(malformed.expectedStatus(), reply.status(), () -> malformed.description() + ": " + reply);
            JsonNode error = reply.json();
            assertEquals(1, error.size(), () -> "an error body has only \"error\": " + reply);
            String message = error.get("error").asText();
            assertTrue(message.contains(malformed.expectedMessage()),
                    () -> "message should mention '" + malformed.expectedMessage() + "': " + message);
            assertFalse(message.contains("\tat ") || message.contains("Exception"), () -> "leaks internals: " + message);
            assertValidResponse(infer(validRequest()));
        }));
    }

    /** The malformed cases; at least one per way a client can get the protocol wrong. */
    protected List<MalformedRequest> malformedRequests() {
        String path = inferPath();
        ObjectNode valid = (ObjectNode) OipTestClient.parse(validRequest());
        ObjectNode firstInput = (ObjectNode) valid.get("inputs").get(0);
        String otherDatatype = "FP32".equals(firstInput.get("datatype").asText()) ? "INT64" : "FP32";
        JsonNode wrongTypedValue = "BYTES".equals(firstInput.get("datatype").asText())
                ? JsonNodeFactory.instance.numberNode(42) : JsonNodeFactory.instance.textNode("not-a-number");
        List<MalformedRequest> cases = new ArrayList<>(List.of(
                MalformedRequest.post("truncated JSON", path, "{\"inputs\": [", 400, "malformed JSON"),
                MalformedRequest.post("JSON array instead of object", path, "[]", 400, "JSON object"),
                MalformedRequest.post("empty body", path, "", 400, "empty"),
                MalformedRequest.post("no inputs field", path, "{\"id\": \"x\"}", 400, "\"inputs\""),
                MalformedRequest.post("empty inputs", path, "{\"inputs\": []}", 400, "empty"),
                MalformedRequest.post("unknown input name", path,
                        withFirstInput(valid, input -> input.put("name", "no_such_input")), 400, "unknown input"),
                MalformedRequest.post("wrong datatype", path,
                        withFirstInput(valid, input -> input.put("datatype", otherDatatype)), 400, "datatype"),
                MalformedRequest.post("unsupported datatype", path,
                        withFirstInput(valid, input -> input.put("datatype", "INT8")), 400, "datatype"),
                MalformedRequest.post("shape of wrong rank", path,
                        withFirstInput(valid, input -> ((ArrayNode) input.get("shape")).add(1)), 400, "shape"),
                MalformedRequest.post("negative dimension", path,
                        withFirstInput(valid, input -> ((ArrayNode) input.get("shape")).set(0, -3)), 400, "shape"),
                MalformedRequest.post("more values than the shape holds", path,
                        withFirstInput(valid, input -> ((ArrayNode) input.get("data")).add(input.get("data").get(0))),
                        400, "values"),
                MalformedRequest.post("value of the wrong JSON type", path,
                        withFirstInput(valid, input -> replaceFirstValue((ArrayNode) input.get("data"), wrongTypedValue)),
                        400, "value #0"),
                MalformedRequest.post("missing data", path,
                        withFirstInput(valid, input -> input.remove("data")), 400, "\"data\""),
                MalformedRequest.post("input given twice", path, withDuplicatedFirstInput(valid), 400, "more than once"),
                MalformedRequest.post("unknown requested output", path,
                        withField(valid, request -> request.putArray("outputs").addObject().put("name", "nope")),
                        400, "unknown output"),
                MalformedRequest.post("body over the size limit", path, oversizedBody(valid), 413, "exceeds"),
                MalformedRequest.post("unknown model", "/v2/models/no-such-model/infer", validRequest(), 404,
                        "unknown model"),
                MalformedRequest.post("unknown model version", path.replace("/infer", "/versions/999/infer"),
                        validRequest(), 404, "version"),
                MalformedRequest.post("unknown path", "/v2/nothing-here", validRequest(), 404, "no such endpoint"),
                new MalformedRequest("GET on infer", "GET", path, new byte[0], 405, "POST")));
        cases.addAll(missingRequiredInputs(valid));
        return cases;
    }

    private List<MalformedRequest> missingRequiredInputs(ObjectNode valid) {
        JsonNode metadata = client.get("/v2/models/" + server.modelName()).json();
        List<MalformedRequest> cases = new ArrayList<>();
        ArrayNode inputs = (ArrayNode) valid.get("inputs");
        for (JsonNode declared : metadata.get("inputs")) {
            String name = declared.get("name").asText();
            if (!declared.path("parameters").path("optional").asBoolean(false) && inputs.size() > 1) {
                String body = withField(valid, request -> {
                    Iterator<JsonNode> each = request.withArray("inputs").elements();
                    while (each.hasNext()) {
                        if (each.next().get("name").asText().equals(name)) {
                            each.remove();
                        }
                    }
                });
                cases.add(MalformedRequest.post("missing required input " + name, inferPath(), body, 400,
                        "missing input '" + name + "'"));
            }
        }
        return cases;
    }

    private static String withFirstInput(ObjectNode valid, java.util.function.Consumer<ObjectNode> change) {
        return withField(valid, request -> change.accept((ObjectNode) request.get("inputs").get(0)));
    }

    private static void replaceFirstValue(ArrayNode data, JsonNode value) {
        if (data.get(0).isArray()) {
            replaceFirstValue((ArrayNode) data.get(0), value);
        } else {
            data.set(0, value);
        }
    }

    private static String withDuplicatedFirstInput(ObjectNode valid) {
        return withField(valid, request -> request.withArray("inputs").add(request.get("inputs").get(0).deepCopy()));
    }

    private static String withField(ObjectNode valid, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(copy);
        return copy.toString();
    }

    private static byte[] oversizedBody(ObjectNode valid) {
        UnaryOperator<String> pad = json -> json.substring(0, json.length() - 1) + ",\"padding\":\""
                + "x".repeat(MAX_REQUEST_BYTES) + "\"}";
        return pad.apply(valid.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode tensorNamed(JsonNode tensors, String name) {
        for (JsonNode tensor : tensors) {
            if (tensor.get("name").asText().equals(name)) {
                return tensor;
            }
        }
        throw new AssertionError("metadata declares no tensor '" + name + "': " + tensors);
    }

    private static boolean hasTensorNamed(JsonNode tensors, String name) {
        for (JsonNode tensor : tensors) {
            if (tensor.get("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void assertShapeFits(JsonNode declared, JsonNode actual) {
        assertEquals(declared.size(), actual.size(), "rank of " + actual + " against declared " + declared);
        for (int i = 0; i < declared.size(); i++) {
            long dimension = declared.get(i).asLong();
            assertTrue(dimension == -1 || dimension == actual.get(i).asLong(), actual + " does not fit " + declared);
        }
    }

    private static double gauge(String exposition, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        assertTrue(found, "no metric " + name);
        return sum;
    }
}
