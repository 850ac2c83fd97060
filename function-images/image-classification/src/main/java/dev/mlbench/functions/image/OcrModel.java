package dev.mlbench.functions.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.oip.Datatype;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.OipException;
import dev.mlbench.functions.server.oip.Tensor;
import dev.mlbench.functions.server.oip.TensorSpec;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PaddleOCR CNN on ONNX Runtime. Accepts either encoded images ({@code image}: base64 PNG/JPEG, one per
 * batch row) or the preprocessed tensor ({@code x}: FP32 [N,3,48,W], values in [-1, 1]) and answers a label and
 * a probability per image.
 */
public final class OcrModel implements InferenceModel {

    static final String SAMPLE_IMAGE = "sample-text-line.png";
    static final int MAX_BATCH = 64;
    static final int MIN_WIDTH = 8;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final OcrVariant variant;
    private final CtcTextDecoder textDecoder;
    private final ModelMetadata metadata;
    private final byte[] sampleImage;

    OcrModel(String name, OcrVariant variant, OrtEnvironment environment, OrtSession session,
             CtcTextDecoder textDecoder, byte[] sampleImage) {
        this.environment = environment;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.variant = variant;
        this.textDecoder = textDecoder;
        this.sampleImage = sampleImage;
        this.metadata = new ModelMetadata(name, variant.version(), "onnxruntime", List.of(
                TensorSpec.optional("image", Datatype.BYTES, TensorSpec.ANY_SIZE),
                TensorSpec.optional("x", Datatype.FP32, TensorSpec.ANY_SIZE, TextLinePreprocessor.CHANNELS,
                        TextLinePreprocessor.HEIGHT, TensorSpec.ANY_SIZE)),
                List.of(TensorSpec.required("label", Datatype.BYTES, TensorSpec.ANY_SIZE),
                        TensorSpec.required("probability", Datatype.FP32, TensorSpec.ANY_SIZE)));
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Tensor> infer(InferenceRequest request) {
        Optional<Tensor> images = request.input("image");
        Optional<Tensor> pixels = request.input("x");
        if (images.isPresent() == pixels.isPresent()) {
            throw OipException.badRequest("give exactly one of 'image' (BYTES: base64 PNG or JPEG) and 'x' "
                    + "(FP32 [N,3,48,W], values in [-1, 1])");
        }
        Prediction[] predictions = images.isPresent() ? classifyImages(images.get().strings()) : classifyPixels(pixels.get());
        String[] labels = new String[predictions.length];
        float[] probabilities = new float[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            labels[i] = predictions[i].label();
            probabilities[i] = predictions[i].probability();
        }
        long[] shape = {predictions.length};
        return List.of(Tensor.bytes("label", shape, labels), Tensor.fp32("probability", shape, probabilities));
    }

    private Prediction[] classifyImages(String[] encodedImages) {
        checkBatch(encodedImages.length);
        List<BufferedImage> images = new ArrayList<>(encodedImages.length);
        for (int i = 0; i < encodedImages.length; i++) {
            images.add(ImageDecoder.decode(encodedImages[i], i));
        }
        TextLinePreprocessor preprocessor = new TextLinePreprocessor(variant.batchWidth(images));
        float[] batch = new float[images.size() * preprocessor.valuesPerImage()];
        for (int i = 0; i < images.size(); i++) {
            preprocessor.write(images.get(i), batch, i);
        }
        return run(batch, new long[] {images.size(), TextLinePreprocessor.CHANNELS, TextLinePreprocessor.HEIGHT,
                preprocessor.width()});
    }

    private Prediction[] classifyPixels(Tensor pixels) {
        long[] shape = pixels.shape();
        checkBatch(shape[0]);
        if (shape[3] < MIN_WIDTH || shape[3] > OcrVariant.MAX_WIDTH) {
            throw OipException.badRequest("input 'x' width " + shape[3] + " is outside " + MIN_WIDTH + ".." + OcrVariant.MAX_WIDTH);
        }
        return run(pixels.floats(), shape);
    }

    private static void checkBatch(long size) {
        if (size > MAX_BATCH) {
            throw OipException.badRequest("a batch holds at most " + MAX_BATCH + " images, got " + size);
        }
    }

    private Prediction[] run(float[] values, long[] shape) {
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            Object output = result.get(0).getValue();
            return variant == OcrVariant.ORIENTATION
                    ? OrientationDecoder.decode((float[][]) output)
                    : textDecoder.decode((float[][][]) output);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InferenceRequest sampleRequest() {
        return InferenceRequest.of(Tensor.bytes("image", new long[] {1},
                new String[] {Base64.getEncoder().encodeToString(sampleImage)}));
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
