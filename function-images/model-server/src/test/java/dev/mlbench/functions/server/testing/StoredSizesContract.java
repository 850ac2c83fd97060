package dev.mlbench.functions.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The sizes the operator prices a workload's storage by ({@code operator/controller/src/main/resources/workload-sizes.yaml})
 * are this module's: every model file the server loads has exactly its catalogued size, and the runtime jars plus the
 * module jar, and the gzipped native libraries (the image's layers above the base image), are within
 * {@link #LIBRARY_TOLERANCE} of the catalogue. Runs as an integration test, after {@code target/lib} exists.
 */
public abstract class StoredSizesContract {

    static final String CATALOGUE = "operator/controller/src/main/resources/workload-sizes.yaml";
    static final double LIBRARY_TOLERANCE = 0.05;

    /** The workload module's name, e.g. {@code sentiment}, as the catalogue keys it. */
    protected abstract String workloadName();

    @Test
    void everyModelFileHasTheSizeTheOperatorPricesStorageBy() throws IOException {
        JsonNode entry = entry();
        int files = 0;
        for (JsonNode variant : entry.get("models")) {
            for (JsonNode file : variant.get("files")) {
                String resource = file.get("resource").asText();
                try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
                    assertNotNull(in, resource + " (catalogued for " + workloadName() + ") is not on the class path");
                    long bytes = in.transferTo(OutputStream.nullOutputStream());
                    assertEquals(file.get("bytes").asLong(), bytes, () -> resource + " drifted from " + CATALOGUE
                            + ": update its bytes there (and in the model card)");
                }
                files++;
            }
        }
        assertTrue(files > 0, "no model file is catalogued for " + workloadName());
    }

    @Test
    void theImageLayersAboveTheBaseAreTheCataloguedSize() throws IOException {
        Path lib = Path.of("target", "lib");
        Path jar = Path.of("target", "mlbench-" + workloadName() + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing");
        long bytes = Files.size(jar);
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path dependency : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                bytes += Files.size(dependency);
            }
        }
        assertWithinTolerance("target/lib jars + module jar", bytes, entry().get("libraries").asLong(), "libraries");
    }

    @Test
    void theNativeLibraryLayerIsTheCataloguedSize() throws IOException {
        Path natives = Path.of("target", "lib", "native");
        long catalogued = entry().path("natives").asLong(0);
        if (catalogued == 0) {
            assertFalse(Files.isDirectory(natives), natives + " exists, but " + CATALOGUE + " lists no natives for " + workloadName());
            return;
        }
        CountingStream counted = new CountingStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(counted); Stream<Path> files = Files.list(natives)) {
            for (Path file : files.sorted().toList()) {
                Files.copy(file, gzip);
            }
        }
        assertWithinTolerance("gzipped " + natives, counted.bytes, catalogued, "natives");
    }

    private static void assertWithinTolerance(String what, long measured, long catalogued, String key) {
        double drift = Math.abs(measured - catalogued) / (double) catalogued;
        assertTrue(drift <= LIBRARY_TOLERANCE, () -> what + " = " + measured + " bytes, " + Math.round(drift * 100)
                + " % off the " + catalogued + " of " + CATALOGUE + ": update its " + key + " there");
    }

    /** Counts what is written to it, as the size of a gzip layer. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private JsonNode entry() throws IOException {
        Path repository = Path.of(System.getProperty("mlbench.repo", "../.."));
        JsonNode catalogue = new ObjectMapper(new YAMLFactory()).readTree(repository.resolve(CATALOGUE).toFile());
        for (JsonNode workload : catalogue.get("workloads")) {
            if (workload.get("workload").asText().equals(workloadName())) {
                assertFalse(workload.get("models").isEmpty(), workloadName() + " has no models in " + CATALOGUE);
                return workload;
            }
        }
        throw new AssertionError(workloadName() + " is missing from " + CATALOGUE);
    }
}
