package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SummaryStatus {

  @JsonPropertyDescription("Target that is fastest for most models (mixed when they disagree).")
  public String fastest;

  @JsonPropertyDescription("Target that is cheapest for most models at the projected traffic (mixed when they disagree).")
  public String cheapest;

  @JsonPropertyDescription("The answer per model, with significance and break-even rates.")
  public java.util.List<ModelSummaryStatus> models;
}
