package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.serverless.enabled || self.container.enabled || self.vm.enabled", message = "at least one target (serverless, container or vm) must be enabled")
@ValidationRule(value = "duration(self.readyTimeout) >= duration('10s') && duration(self.readyTimeout) <= duration('2h')", message = "targets.readyTimeout must be between 10s and 2h")
public class TargetsSpec {

  @Default("{}")
  @JsonPropertyDescription("Serverless target: a Knative Service per model, scale-to-zero by default.")
  public ServerlessTargetSpec serverless = new ServerlessTargetSpec();

  @Default("{}")
  @JsonPropertyDescription("Container target: a Deployment and a Service per model, optionally autoscaled by a HorizontalPodAutoscaler.")
  public ContainerTargetSpec container = new ContainerTargetSpec();

  @Default("{}")
  @JsonPropertyDescription("VM target: a Deployment and a Service per model, one pod per node of a dedicated node pool, each pod sized to the node's instance type.")
  public VmTargetSpec vm = new VmTargetSpec();

  @Default("10m")
  @Pattern(Limits.DURATION)
  @JsonPropertyDescription("How long a target may take to become ready (rolled out, model loaded) before it is reported failed, as a duration (e.g. 10m).")
  public String readyTimeout = "10m";
}
