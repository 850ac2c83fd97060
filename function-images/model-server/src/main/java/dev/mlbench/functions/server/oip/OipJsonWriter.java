package dev.mlbench.functions.server.oip;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/** Encodes OIP bodies (responses, metadata, errors and, for clients, requests) straight to bytes. */
public final class OipJsonWriter {

    private final JsonFactory factory;

    public OipJsonWriter(JsonFactory factory) {
        this.factory = factory;
    }

    public byte[] response(InferenceResponse response) {
        return write(json -> {
            json.writeStringField("model_name", response.modelName());
            json.writeStringField("model_version", response.modelVersion());
            if (response.id().isPresent()) {
                json.writeStringField("id", response.id().get());
            }
            writeTensors(json, "outputs", response.outputs());
        });
    }

    public byte[] request(InferenceRequest request) {
        return write(json -> {
            if (request.id().isPresent()) {
                json.writeStringField("id", request.id().get());
            }
            writeTensors(json, "inputs", request.inputs().values());
        });
    }

    public byte[] modelMetadata(ModelMetadata model) {
        return write(json -> {
            json.writeStringField("name", model.name());
            json.writeArrayFieldStart("versions");
            json.writeString(model.version());
            json.writeEndArray();
            json.writeStringField("platform", model.platform());
            writeSpecs(json, "inputs", model.inputs());
            writeSpecs(json, "outputs", model.outputs());
        });
    }

    public byte[] serverMetadata(String name, String version) {
        return write(json -> {
            json.writeStringField("name", name);
            json.writeStringField("version", version);
            json.writeArrayFieldStart("extensions");
            json.writeEndArray();
        });
    }

    public byte[] flag(String field, boolean value) {
        return write(json -> json.writeBooleanField(field, value));
    }

    public byte[] error(String message) {
        return write(json -> json.writeStringField("error", message));
    }

    private static void writeSpecs(JsonGenerator json, String field, List<TensorSpec> specs) throws IOException {
        json.writeArrayFieldStart(field);
        for (TensorSpec spec : specs) {
            json.writeStartObject();
            json.writeStringField("name", spec.name());
            json.writeStringField("datatype", spec.datatype().name());
            json.writeFieldName("shape");
            json.writeArray(spec.shape(), 0, spec.shape().length);
            if (spec.optional()) {
                json.writeObjectFieldStart("parameters");
                json.writeBooleanField("optional", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeTensors(JsonGenerator json, String field, Collection<Tensor> tensors) throws IOException {
        json.writeArrayFieldStart(field);
        for (Tensor tensor : tensors) {
            json.writeStartObject();
            json.writeStringField("name", tensor.name());
            json.writeFieldName("shape");
            long[] shape = tensor.shape();
            json.writeArray(shape, 0, shape.length);
            json.writeStringField("datatype", tensor.datatype().name());
            json.writeArrayFieldStart("data");
            switch (tensor.datatype()) {
                case FP32 -> {
                    for (float value : tensor.floats()) {
                        json.writeNumber(value);
                    }
                }
                case INT64 -> {
                    for (long value : tensor.longs()) {
                        json.writeNumber(value);
                    }
                }
                case BYTES -> {
                    for (String value : tensor.strings()) {
                        json.writeString(value);
                    }
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private byte[] write(JsonBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(bytes)) {
            json.writeStartObject();
            body.writeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface JsonBody {
        void writeFields(JsonGenerator json) throws IOException;
    }
}
