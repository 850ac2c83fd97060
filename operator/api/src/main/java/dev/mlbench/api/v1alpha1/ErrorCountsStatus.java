package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Failed requests by class; each failed request is in exactly one class. */
public class ErrorCountsStatus {

  @JsonPropertyDescription("No complete response within the scenario's timeout.")
  public long timeout;

  @JsonPropertyDescription("Connection refused, reset or closed mid-request.")
  public long connection;

  @JsonPropertyDescription("Responses with status 400-499.")
  public long http4xx;

  @JsonPropertyDescription("Responses with status 500-599.")
  public long http5xx;

  @JsonPropertyDescription("Responses with any other non-2xx status.")
  public long httpOther;

  @JsonPropertyDescription("2xx responses that are not Open Inference Protocol v2 inference responses.")
  public long malformed;
}
