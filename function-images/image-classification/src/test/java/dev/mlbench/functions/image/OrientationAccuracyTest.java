package dev.mlbench.functions.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.Tensor;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orientation accuracy on rendered text lines, each shown upright and turned by 180 degrees. */
class OrientationAccuracyTest {

    private static final List<String> LINES = List.of(
            "Serverless or containers?", "Invoice total 1,284.00", "Meeting moved to Thursday",
            "Please keep this door closed", "Chapter 7: The long winter", "Shipping address", "Room 214 - Physics",
            "Best before 12/2027", "Knative scales to zero", "Emergency exit only", "Order #558213 confirmed",
            "Mauna Loa CO2 record", "Thank you for your visit", "Batch size and latency", "Platform 3 to Zurich",
            "Warranty void if removed", "Open Inference Protocol", "Quarterly revenue grew", "Do not feed the ducks",
            "Dear customer, welcome");

    @Test
    void classifiesAtLeast95PercentOfRenderedLinesCorrectly() throws Exception {
        try (InferenceModel model = new OcrModelFactory().load("image-classification", ServerConfig.loopback(Map.of()))) {
            int correct = 0;
            for (String line : LINES) {
                for (boolean upsideDown : new boolean[] {false, true}) {
                    String png = Base64.getEncoder().encodeToString(TextLineRenderer.png(TextLineRenderer.render(line, upsideDown)));
                    List<Tensor> outputs = model.infer(InferenceRequest.of(Tensor.bytes("image", new long[] {1}, new String[] {png})));
                    correct += outputs.get(0).strings()[0].equals(upsideDown ? "180" : "0") ? 1 : 0;
                }
            }
            double accuracy = correct / (2.0 * LINES.size());
            System.out.printf(Locale.ROOT, "orientation accuracy on %d rendered lines: %.3f%n", 2 * LINES.size(), accuracy);
            assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
        }
    }
}
