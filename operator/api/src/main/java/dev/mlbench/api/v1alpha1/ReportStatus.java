package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReportStatus {

  @JsonPropertyDescription("The run the report describes; it is rendered again only when another run is analysed.")
  public String runId;

  @JsonPropertyDescription("Name of the ConfigMap, in the benchmark's namespace, that holds the report.")
  public String configMap;

  @JsonPropertyDescription("Key of the report in that ConfigMap: report.html in data, or report.html.gz (gzip) in binaryData when the page is too large for a ConfigMap uncompressed.")
  public String key;

  @JsonPropertyDescription("Path of the report on the operator's HTTP port (kubectl port-forward to reach it).")
  public String url;

  @JsonPropertyDescription("Size of the HTML page in bytes, before any compression.")
  public Long sizeBytes;

  @JsonPropertyDescription("When the report was stored (RFC 3339).")
  public String renderedAt;

  @JsonPropertyDescription("Why the report could not be rendered or stored; the measured results are kept regardless.")
  public String message;
}
