package dev.mlbench.functions.server.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Native libraries that the build unpacked into {@code lib/native/} beside the jars. Pointing a library's
 * loader at them spares it unpacking tens of megabytes into the temp dir on every cold start.
 */
public final class PackagedNatives {

    private PackagedNatives() {
    }

    /**
     * The packaged native directory, if the server runs from a packaged layout that holds {@code file} on the
     * platform the build unpacks natives for (linux-x64).
     */
    public static Optional<Path> directoryWith(String file) {
        if (!System.getProperty("os.name").equals("Linux") || !System.getProperty("os.arch").equals("amd64")) {
            return Optional.empty();
        }
        try {
            Path runtimeJar = Path.of(PackagedNatives.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = runtimeJar.resolveSibling("native");
            return Files.isRegularFile(directory.resolve(file)) ? Optional.of(directory) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Sets a loader's system property unless the property or an environment variable of that name already chose. */
    public static void setUnlessChosen(String name, String value) {
        if (System.getProperty(name) == null && System.getenv(name) == null) {
            System.setProperty(name, value);
        }
    }
}
