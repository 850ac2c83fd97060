package dev.mlbench.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class MLBenchmarkSpec {

  @Required
  @Size(min = 1, max = Limits.MAX_MODELS)
  @ValidationRule(value = "self.all(m, self.exists_one(n, n.name == m.name))", message = "model names must be unique")
  @JsonPropertyDescription("Models to benchmark. Each model is deployed once to every enabled target and receives the same load.")
  public List<ModelSpec> models = new ArrayList<>();

  @Default("{}")
  @JsonPropertyDescription("The deployment targets to compare: serverless (Knative, scale-to-zero), container (a plain Deployment) and vm (pods pinned to a dedicated node pool).")
  public TargetsSpec targets = new TargetsSpec();

  @Default("{}")
  @JsonPropertyDescription("The load driven against every model on every target.")
  public LoadSpec load = new LoadSpec();

  @Default("{}")
  @JsonPropertyDescription("Inputs of the cost model: cloud provider price catalogue, price overrides, the traffic to project and the total-cost-of-ownership assumptions.")
  public CostSpec cost = new CostSpec();

  @Default("{}")
  @JsonPropertyDescription("What to delete once the results are stored.")
  public CleanupSpec cleanup = new CleanupSpec();
}
