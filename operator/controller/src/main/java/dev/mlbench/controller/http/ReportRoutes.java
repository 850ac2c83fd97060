package dev.mlbench.controller.http;

import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the HTML reports on the operator's HTTP port: {@code GET /reports/{namespace}/{name}} answers the page
 * stored in the benchmark's report ConfigMap, {@code GET /reports} lists the benchmarks that have one. Everything is
 * read through the Kubernetes API with the operator's own permissions, so only watched namespaces are visible.
 */
@ApplicationScoped
public class ReportRoutes {

  static final String ALL_NAMESPACES = "JOSDK_ALL_NAMESPACES";
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  // the report is inline CSS and SVG only: nothing else may load or run, whatever a benchmark's names contain
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  private static final Logger LOG = Logger.getLogger(ReportRoutes.class);

  private final KubernetesClient client;
  private final List<String> namespaces;

  public ReportRoutes(KubernetesClient client,
      @ConfigProperty(name = "quarkus.operator-sdk.namespaces", defaultValue = ALL_NAMESPACES) List<String> namespaces) {
    this.client = client;
    this.namespaces = namespaces;
  }

  void register(@Observes Router router) {
    router.route("/reports").handler(ReportRoutes::getOnly).blockingHandler(this::index, false);
    router.route("/reports/").handler(ReportRoutes::getOnly).blockingHandler(this::index, false);
    router.route("/reports/:namespace/:name").handler(ReportRoutes::getOnly).blockingHandler(this::report, false);
    router.route("/reports/*").handler(ctx -> plain(ctx, 404,
        "No such page. Reports are at /reports/{namespace}/{name}; /reports lists them."));
  }

  private static void getOnly(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.GET) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Allow", "GET");
    plain(ctx, 405, "Only GET is allowed here.");
  }

  private void report(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    Optional<String> badName = invalid("namespace", namespace).or(() -> invalid("name", name));
    if (badName.isPresent()) {
      plain(ctx, 400, badName.get());
      return;
    }
    if (!watched(namespace)) {
      plain(ctx, 404, "Namespace " + namespace + " is not watched by this operator: it has no reports.");
      return;
    }
    try {
      MLBenchmark benchmark = client.resources(MLBenchmark.class).inNamespace(namespace).withName(name).get();
      if (benchmark == null) {
        plain(ctx, 404, "There is no MLBenchmark " + name + " in namespace " + namespace + ".");
        return;
      }
      var status = benchmark.getStatus();
      if (status == null || status.report == null || status.report.configMap == null) {
        String phase = status == null || status.phase == null ? "Pending" : status.phase.name();
        String why = status != null && status.report != null && status.report.message != null ? " " + status.report.message : "";
        plain(ctx, 404, "MLBenchmark " + namespace + "/" + name + " has no report yet (phase " + phase
            + "): the report is written once the run is analysed." + why);
        return;
      }
      ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(status.report.configMap).get();
      Optional<String> html = configMap == null ? Optional.empty()
          : StoredReport.decode(configMap.getData(), configMap.getBinaryData());
      if (html.isEmpty()) {
        plain(ctx, 404, "The report of MLBenchmark " + namespace + "/" + name + " is gone: ConfigMap "
            + status.report.configMap + (configMap == null ? " does not exist." : " holds no " + StoredReport.HTML_KEY + "."));
        return;
      }
      ctx.response().setStatusCode(200)
          .putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Cache-Control", "no-cache")
          .end(html.get());
    } catch (KubernetesClientException e) {
      apiError(ctx, e);
    } catch (UncheckedIOException e) {
      plain(ctx, 500, "The stored report of MLBenchmark " + namespace + "/" + name + " cannot be read: " + e.getMessage());
    }
  }

  private void index(RoutingContext ctx) {
    try {
      List<MLBenchmark> benchmarks = (namespaces.contains(ALL_NAMESPACES)
          ? client.resources(MLBenchmark.class).inAnyNamespace().list().getItems()
          : namespaces.stream().flatMap(ns -> client.resources(MLBenchmark.class).inNamespace(ns).list().getItems().stream())
              .toList())
          .stream()
          .sorted(Comparator.comparing((MLBenchmark b) -> b.getMetadata().getNamespace()).thenComparing(b -> b.getMetadata().getName()))
          .toList();
      StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          + "<title>mlbench reports</title>\n</head>\n<body>\n<h1>mlbench reports</h1>\n");
      if (benchmarks.isEmpty()) {
        html.append("<p>No MLBenchmark yet.</p>\n");
      } else {
        html.append("<table>\n<tr><th>namespace</th><th>benchmark</th><th>phase</th><th>report</th></tr>\n");
        for (MLBenchmark benchmark : benchmarks) {
          var status = benchmark.getStatus();
          String namespace = benchmark.getMetadata().getNamespace();
          String name = benchmark.getMetadata().getName();
          html.append("<tr><td>").append(escape(namespace)).append("</td><td>").append(escape(name)).append("</td><td>")
              .append(status == null || status.phase == null ? "Pending" : status.phase.name()).append("</td><td>");
          if (status != null && status.report != null && status.report.configMap != null) {
            html.append("<a href=\"").append(escape(StoredReport.path(namespace, name))).append("\">report</a>");
          } else {
            html.append("not yet");
          }
          html.append("</td></tr>\n");
        }
        html.append("</table>\n");
      }
      ctx.response().setStatusCode(200)
          .putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(html.append("</body>\n</html>\n").toString());
    } catch (KubernetesClientException e) {
      apiError(ctx, e);
    }
  }

  private boolean watched(String namespace) {
    return namespaces.contains(ALL_NAMESPACES) || namespaces.contains(namespace);
  }

  static Optional<String> invalid(String what, String value) {
    if (DNS_LABEL.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of("The " + what + " '" + value + "' is not a DNS label: lowercase letters, digits and '-', starting and"
        + " ending with a letter or digit, at most 63 characters.");
  }

  private static void apiError(RoutingContext ctx, KubernetesClientException e) {
    LOG.warnf(e, "Reading a report through the Kubernetes API failed");
    if (e.getCode() == 403) {
      plain(ctx, 404, "The operator may not read that namespace (RBAC): it has no reports there.");
    } else {
      plain(ctx, 502, "The Kubernetes API did not answer as expected: " + e.getMessage());
    }
  }

  private static void plain(RoutingContext ctx, int code, String message) {
    ctx.response().setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(message + "\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
