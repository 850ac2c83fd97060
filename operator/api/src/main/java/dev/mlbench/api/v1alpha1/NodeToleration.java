package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A toleration for the VM node pool's taints, as in a pod spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.operator) || self.operator != 'Exists' || !has(self.value)", message = "a toleration with operator Exists takes no value")
public class NodeToleration {

  @Size(max = 316)
  @JsonPropertyDescription("Taint key the toleration matches; empty with operator Exists matches every taint.")
  public String key;

  @Pattern("^(Equal|Exists)$")
  @JsonPropertyDescription("Equal (the taint's value must equal value) or Exists (any value). Defaults to Equal.")
  public String operator;

  @Size(max = 63)
  @JsonPropertyDescription("Taint value the toleration matches when operator is Equal.")
  public String value;

  @Pattern("^(NoSchedule|PreferNoSchedule|NoExecute)$")
  @JsonPropertyDescription("Taint effect to match: NoSchedule, PreferNoSchedule or NoExecute; empty matches all.")
  public String effect;

  @Min(0)
  @Max(31536000)
  @JsonPropertyDescription("For NoExecute: how many seconds the pod stays bound after the taint appears.")
  public Long tolerationSeconds;

  public NodeToleration() {
  }

  public NodeToleration(String key, String operator, String value, String effect) {
    this.key = key;
    this.operator = operator;
    this.value = value;
    this.effect = effect;
  }
}
