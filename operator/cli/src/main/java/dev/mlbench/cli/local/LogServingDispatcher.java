package dev.mlbench.cli.local;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/** The CRUD mock API, plus the one thing it cannot store: pod logs, read from the local pods' output files. */
final class LogServingDispatcher extends KubernetesMixedDispatcher {

  private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(?:\\?(.*))?");
  private static final Pattern TAIL = Pattern.compile("(?:^|&)tailLines=(\\d+)");

  private final PodLogs logs;

  LogServingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses, PodLogs logs) {
    super(responses);
    this.logs = logs;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Matcher log = LOG.matcher(request.getPath());
    if (!"GET".equals(request.getMethod()) || !log.matches()) {
      return super.dispatch(request);
    }
    String namespace = URLDecoder.decode(log.group(1), StandardCharsets.UTF_8);
    String pod = URLDecoder.decode(log.group(2), StandardCharsets.UTF_8);
    Integer tailLines = null;
    if (log.group(3) != null) {
      Matcher tail = TAIL.matcher(log.group(3));
      tailLines = tail.find() ? Integer.valueOf(tail.group(1)) : null;
    }
    try {
      Optional<String> text = logs.read(namespace, pod, tailLines);
      if (text.isPresent()) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text.get());
      }
      return status(404, "NotFound", "pods \"" + pod + "\" not found");
    } catch (IOException e) {
      return status(500, "InternalError", "cannot read the log of pod " + pod + ": " + e.getMessage());
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
        + "\",\"code\":" + code + ",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }
}
