package dev.mlbench.api.v1alpha1;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

public class VmTargetSpec {

  public static final String POOL_LABEL = "mlbench.dev/pool";
  public static final String POOL_VALUE = "vm";

  @Default("true")
  @JsonPropertyDescription("Deploy and measure the VM target.")
  public boolean enabled = true;

  @Default("{\"mlbench.dev/pool\": \"vm\"}")
  @Size(max = 16)
  @JsonPropertyDescription("Node labels that select the dedicated VM node pool. The model server pods run only on these nodes.")
  public Map<String, String> nodeSelector = Map.of(POOL_LABEL, POOL_VALUE);

  @Default("[{\"key\": \"mlbench.dev/pool\", \"operator\": \"Equal\", \"value\": \"vm\", \"effect\": \"NoSchedule\"}]")
  @Size(max = 16)
  @JsonPropertyDescription("Tolerations for the taints of the VM node pool, so that only benchmark pods land there.")
  public List<NodeToleration> tolerations = List.of(new NodeToleration(POOL_LABEL, "Equal", POOL_VALUE, "NoSchedule"));

  @Default("m5.large")
  @Size(min = 1, max = 63)
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._-]*$")
  @JsonPropertyDescription("Instance type of the pool's nodes (e.g. m5.large, e2-standard-2, Standard_D2s_v5). Each pod requests most of one node's CPU and memory, and the pool is priced as whole instance-hours of this type.")
  public String instanceType = "m5.large";

  @Default("1")
  @Min(1)
  @Max(Limits.MAX_REPLICAS)
  @JsonPropertyDescription("Nodes each model gets in the pool. Every VM-target pod has a node to itself, as a model on its own VM would, so the pool needs (number of models) x nodes nodes.")
  public int nodes = 1;
}
