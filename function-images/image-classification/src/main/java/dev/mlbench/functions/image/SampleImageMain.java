package dev.mlbench.functions.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build step: renders the sample text line used for warm-up and benchmarks, so the server needs no fonts at run time. */
public final class SampleImageMain {

    private SampleImageMain() {
    }

    public static void main(String[] args) throws IOException {
        Path modelDir = Files.createDirectories(Path.of(args[0]));
        Files.write(modelDir.resolve(OcrModel.SAMPLE_IMAGE),
                TextLineRenderer.png(TextLineRenderer.render("Serverless inference 2026", false)));
    }
}
