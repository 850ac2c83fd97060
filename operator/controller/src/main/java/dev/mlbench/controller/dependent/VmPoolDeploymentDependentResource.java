package dev.mlbench.controller.dependent;

import java.util.Map;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;

import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.controller.catalog.InstanceType;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * VM target: a Deployment per model on the dedicated node pool. Every VM-target pod has a node to itself
 * (required pod anti-affinity against all of them) and requests most of it, as a model on its own VM would.
 */
@KubernetesDependent(informer = @Informer(labelSelector = VmPoolDeploymentDependentResource.SELECTOR))
public class VmPoolDeploymentDependentResource extends PerModelDependentResource<Deployment> {

  static final String SELECTOR = ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
      + ChildObjects.TARGET_LABEL + "=vm";
  static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

  public VmPoolDeploymentDependentResource() {
    super(Deployment.class, TargetKind.VM);
  }

  @Override
  protected Deployment desired(MLBenchmark benchmark, ModelSpec model) {
    var vm = benchmark.getSpec().targets.vm;
    InstanceType type = InstanceTypeCatalog.defaultCatalog().find(vm.instanceType)
        .orElseThrow(() -> new IllegalStateException("unknown instance type " + vm.instanceType
            + " passed validation"));
    var resources = ModelServerPodTemplate.resources(type.podCpu(), type.podMemory());
    Deployment deployment = ModelServerDeployments.base(benchmark, model, TargetKind.VM, resources)
        .withReplicas(vm.nodes)
        .endSpec()
        .build();
    var pod = deployment.getSpec().getTemplate().getSpec();
    pod.setNodeSelector(vm.nodeSelector);
    pod.setTolerations(vm.tolerations.stream()
        .map(t -> new Toleration(t.effect, t.key, t.operator, t.tolerationSeconds, t.value))
        .toList());
    pod.setAffinity(NODE_TO_ITSELF);
    return deployment;
  }

  private static final Affinity NODE_TO_ITSELF = new AffinityBuilder()
        .withNewPodAntiAffinity()
        .addNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withTopologyKey(HOSTNAME_TOPOLOGY)
        .withNewLabelSelector()
        .withMatchLabels(Map.of(ChildObjects.MANAGED_BY_LABEL, ChildObjects.MANAGED_BY,
            ChildObjects.TARGET_LABEL, TargetKind.VM.value()))
        .endLabelSelector()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .build();
}
