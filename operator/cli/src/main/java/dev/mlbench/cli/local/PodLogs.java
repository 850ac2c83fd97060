package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where each local pod's output goes: one file per pod, read back as its log. */
final class PodLogs {

  /** A pod log is read from its end; the operator only ever asks for the last lines. */
  private static final int MAX_READ_BYTES = 4 * 1024 * 1024;

  private final Map<String, Path> files = new ConcurrentHashMap<>();

  void register(String namespace, String pod, Path file) {
    files.put(namespace + "/" + pod, file);
  }

  void forget(String namespace, String pod) {
    files.remove(namespace + "/" + pod);
  }

  /** The pod's last {@code tailLines} lines (all when null), or empty for a pod that has no log here. */
  Optional<String> read(String namespace, String pod, Integer tailLines) throws IOException {
    Path file = files.get(namespace + "/" + pod);
    if (file == null) {
      return Optional.empty();
    }
    String text = tail(file);
    if (tailLines == null) {
      return Optional.of(text);
    }
    int end = text.endsWith("\n") ? text.length() - 1 : text.length();
    int start = end;
    for (int lines = 0; lines < tailLines && start > 0; ) {
      start = text.lastIndexOf('\n', start - 1);
      if (start < 0) {
        start = 0;
        break;
      }
      lines++;
    }
    return Optional.of(text.substring(start == 0 ? 0 : start + 1));
  }

  private static String tail(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long from = Math.max(0, length - MAX_READ_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
