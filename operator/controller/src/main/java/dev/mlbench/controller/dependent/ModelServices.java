package dev.mlbench.controller.dependent;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service in front of a model server Deployment: port 80 to the server's named port. */
public final class ModelServices {

  public static final int SERVICE_PORT = 80;

  private ModelServices() {
  }

  static Service desired(MLBenchmark benchmark, ModelSpec model, TargetKind target) {
    return new ServiceBuilder()
        .withMetadata(ChildObjects.metadata(benchmark, model, target))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(ChildObjects.selectorLabels(benchmark, model, target))
        .addNewPort().withName("http").withPort(SERVICE_PORT).withTargetPort(new IntOrString("http"))
        .withProtocol("TCP").endPort()
        .endSpec()
        .build();
  }

  /** In-cluster base URL of the model server behind the Service. */
  public static String endpoint(MLBenchmark benchmark, String model, TargetKind target) {
    return "http://" + ChildObjects.workloadName(benchmark, model, target) + "."
        + benchmark.getMetadata().getNamespace() + ".svc.cluster.local";
  }
}
