package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SummaryStatus {

  @JsonPropertyDescription("Target with the lowest latency under load.")
  public String fastest;

  @JsonPropertyDescription("Target with the lowest cost at the projected traffic.")
  public String cheapest;
}
