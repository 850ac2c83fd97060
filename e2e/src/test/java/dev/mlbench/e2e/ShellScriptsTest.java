package dev.mlbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every shell script of the repository passes shellcheck (with the repository's .shellcheckrc). Without shellcheck
 * the check is skipped on a workstation and fails in CI (the CI variable set), where it must not be skipped.
 */
class ShellScriptsTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");
  private static final Pattern SHELL_SHEBANG = Pattern.compile("^#!\\s*\\S*/(env\\s+)?(ba|da|k)?sh(\\s.*)?$");

  @Test
  void everyShellScriptPassesShellcheck() throws Exception {
    requireShellcheck();
    List<Path> scripts = shellScripts();
    List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
    scripts.forEach(s -> command.add(REPO.relativize(s).toString()));
    Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
    String findings = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    assertThat(exit)
        .as("shellcheck on %d scripts found:%n%s", scripts.size(), findings)
        .isZero();
  }

  @Test
  void theScriptsFoundIncludeEveryKindOfScriptTheRepositoryHas() throws IOException {
    List<String> found = shellScripts().stream().map(p -> REPO.relativize(p).toString()).toList();
    assertThat(found)
        .as("by .sh suffix, by shebang without a suffix, sourced libraries without a shebang")
        .contains("e2e/kind/run.sh", "e2e/kind/lib.sh", "e2e/scenarios/quickstart/expect.sh", ".ci/run", "mvnw")
        .noneMatch(p -> p.contains("/target/") || p.startsWith("target/") || p.contains("node_modules/"));
  }

  @Test
  void scriptsWithAShebangAreExecutable() throws IOException {
    List<String> notExecutable = new ArrayList<>();
    for (Path script : shellScripts()) {
      if (hasShellShebang(script) && !Files.isExecutable(script)) {
        notExecutable.add(REPO.relativize(script).toString());
      }
    }
    assertThat(notExecutable).as("scripts run by their path (chmod +x)").isEmpty();
  }

  static List<Path> shellScripts() throws IOException {
    List<Path> scripts = new ArrayList<>();
    Files.walkFileTree(REPO, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(REPO) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile() && (file.getFileName().toString().endsWith(".sh") || hasShellShebang(file))) {
          scripts.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    scripts.sort(null);
    return scripts;
  }

  static boolean hasShellShebang(Path file) throws IOException {
    byte[] head = new byte[256];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    String text = new String(head, 0, read, StandardCharsets.ISO_8859_1);
    int end = text.indexOf('\n');
    String firstLine = end < 0 ? text : text.substring(0, end);
    return SHELL_SHEBANG.matcher(firstLine.stripTrailing()).matches();
  }

  private static void requireShellcheck() throws InterruptedException {
    boolean available;
    try {
      Process version = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      available = version.waitFor() == 0;
    } catch (IOException e) {
      available = false;
    }
    if (!available && System.getenv("CI") != null) {
      fail("shellcheck is required in CI (the CI variable is set) but is not on PATH: install it"
          + " (Debian: apt-get install shellcheck; .ci/run does)");
    }
    assumeTrue(available, "shellcheck is not on PATH, so the shell scripts are not checked: install it"
        + " (Debian: apt-get install shellcheck) to check them");
  }
}
