package dev.mlbench.functions.server.oip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Decodes an OIP inference body and checks it against the model's metadata; every refusal is a 400 that names the fault. */
public final class InferenceRequestParser {

    private final ObjectMapper mapper;

    public InferenceRequestParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public InferenceRequest parse(byte[] body, ModelMetadata model) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw OipException.badRequest("request body must be a JSON object with an \"inputs\" array");
        }
        Optional<String> id = optionalText(root, "id");
        JsonNode parameters = root.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw OipException.badRequest("\"parameters\" must be a JSON object");
        }
        Map<String, Tensor> inputs = parseInputs(root.get("inputs"), model);
        return new InferenceRequest(id, inputs, parseRequestedOutputs(root.get("outputs"), model));
    }

    private JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw OipException.badRequest("request body is empty");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw OipException.badRequest("request body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw OipException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw OipException.badRequest("unreadable request body: " + e.getMessage());
        }
    }

    private static Optional<String> optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw OipException.badRequest("\"" + field + "\" must be a string");
        }
        return Optional.of(node.textValue());
    }

    private Map<String, Tensor> parseInputs(JsonNode inputs, ModelMetadata model) {
        if (inputs == null || !inputs.isArray()) {
            throw OipException.badRequest("request must have an \"inputs\" array; model " + model.name()
                    + " accepts " + describe(model.inputs()));
        }
        if (inputs.isEmpty()) {
            throw OipException.badRequest("\"inputs\" is empty; model " + model.name() + " accepts " + describe(model.inputs()));
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (JsonNode input : inputs) {
            Tensor tensor = parseInput(input, model);
            if (byName.put(tensor.name(), tensor) != null) {
                throw OipException.badRequest("input '" + tensor.name() + "' appears more than once");
            }
        }
        for (TensorSpec spec : model.inputs()) {
            if (!spec.optional() && !byName.containsKey(spec.name())) {
                throw OipException.badRequest("missing input '" + spec.name() + "' (" + spec + ")");
            }
        }
        return byName;
    }

    private Tensor parseInput(JsonNode input, ModelMetadata model) {
        if (!input.isObject()) {
            throw OipException.badRequest("each element of \"inputs\" must be an object with name, shape, datatype and data");
        }
        String name = requiredText(input, "name", "an input");
        TensorSpec spec = model.input(name).orElseThrow(() -> OipException.badRequest(
                "unknown input '" + name + "'; model " + model.name() + " accepts " + describe(model.inputs())));
        String datatypeName = requiredText(input, "datatype", "input '" + name + "'");
        Datatype datatype = Datatype.fromWireName(datatypeName)
                .filter(candidate -> candidate == spec.datatype())
                .orElseThrow(() -> OipException.badRequest(
                        "input '" + name + "' has datatype " + datatypeName + ", expected " + spec.datatype()));
        long[] shape = parseShape(input.get("shape"), name);
        if (!spec.acceptsShape(shape)) {
            throw OipException.badRequest("input '" + name + "' has shape " + Arrays.toString(shape) + ", expected "
                    + Arrays.toString(spec.shape()) + " (-1 means any size)");
        }
        List<JsonNode> values = flatten(input.get("data"), name);
        long expectedCount = Tensor.elementCount(shape);
        if (expectedCount == 0) {
            throw OipException.badRequest("input '" + name + "' is empty");
        }
        if (values.size() != expectedCount) {
            throw OipException.badRequest("input '" + name + "' has shape " + Arrays.toString(shape) + " (" + expectedCount
                    + " values) but " + values.size() + " values in \"data\"");
        }
        return switch (datatype) {
            case FP32 -> Tensor.fp32(name, shape, floats(values, name));
            case INT64 -> Tensor.int64(name, shape, longs(values, name));
            case BYTES -> Tensor.bytes(name, shape, strings(values, name));
        };
    }

    private static String requiredText(JsonNode node, String field, String owner) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw OipException.badRequest(owner + " needs a string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static long[] parseShape(JsonNode shape, String name) {
        if (shape == null || !shape.isArray()) {
            throw OipException.badRequest("input '" + name + "' needs a \"shape\" array of non-negative integers");
        }
        long[] dimensions = new long[shape.size()];
        for (int i = 0; i < dimensions.length; i++) {
            JsonNode dimension = shape.get(i);
            if (!dimension.canConvertToExactIntegral() || !dimension.canConvertToLong() || dimension.asLong() < 0) {
                throw OipException.badRequest("input '" + name + "' has an invalid shape " + shape
                        + "; dimensions must be non-negative integers");
            }
            dimensions[i] = dimension.asLong();
        }
        try {
            Tensor.elementCount(dimensions);
        } catch (ArithmeticException e) {
            throw OipException.badRequest("input '" + name + "' has a shape too large to address: " + shape);
        }
        return dimensions;
    }

    private static List<JsonNode> flatten(JsonNode data, String name) {
        if (data == null || !data.isArray()) {
            throw OipException.badRequest("input '" + name + "' needs a \"data\" array");
        }
        List<JsonNode> values = new ArrayList<>(data.size());
        addLeaves(data, values);
        return values;
    }

    private static void addLeaves(JsonNode node, List<JsonNode> leaves) {
        if (node.isArray()) {
            node.forEach(child -> addLeaves(child, leaves));
        } else {
            leaves.add(node);
        }
    }

    private static float[] floats(List<JsonNode> values, String name) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isNumber() || !Float.isFinite(value.floatValue())) {
                throw OipException.badRequest("input '" + name + "' value #" + i + " is " + value + ", expected a finite FP32 number");
            }
            result[i] = value.floatValue();
        }
        return result;
    }

    private static long[] longs(List<JsonNode> values, String name) {
        long[] result = new long[values.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw OipException.badRequest("input '" + name + "' value #" + i + " is " + value + ", expected an INT64 integer");
            }
            result[i] = value.longValue();
        }
        return result;
    }

    private static String[] strings(List<JsonNode> values, String name) {
        String[] result = new String[values.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isTextual()) {
                throw OipException.badRequest("input '" + name + "' value #" + i + " is " + value + ", expected a BYTES string");
            }
            result[i] = value.textValue();
        }
        return result;
    }

    private static List<String> parseRequestedOutputs(JsonNode outputs, ModelMetadata model) {
        if (outputs == null || outputs.isNull()) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw OipException.badRequest("\"outputs\" must be an array of {\"name\": ...} objects");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode output : outputs) {
            if (!output.isObject()) {
                throw OipException.badRequest("\"outputs\" must be an array of {\"name\": ...} objects");
            }
            String name = requiredText(output, "name", "a requested output");
            if (!model.hasOutput(name)) {
                throw OipException.badRequest("unknown output '" + name + "'; model " + model.name() + " returns "
                        + describe(model.outputs()));
            }
            names.add(name);
        }
        return names;
    }

    private static String describe(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
