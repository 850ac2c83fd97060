package dev.mlbench.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A PATH directory holding only the named tools, each a small script that execs the system's one, so that a
 * script run with it can use nothing else (no docker, kind, kubectl, helm, ...).
 */
final class RestrictedPath {

  private RestrictedPath() {
  }

  static Path create(Path dir, List<String> tools) throws IOException {
    Files.createDirectories(dir);
    for (String tool : tools) {
      executable(dir.resolve(tool), "#!/bin/sh\nexec '" + onSystemPath(tool) + "' \"$@\"\n");
    }
    return dir;
  }

  static boolean available(String tool) {
    return find(tool) != null;
  }

  static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static Path onSystemPath(String tool) {
    Path found = find(tool);
    if (found == null) {
      throw new IllegalStateException(tool + " is not on PATH");
    }
    return found;
  }

  private static Path find(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool);
      }
    }
    return null;
  }
}
