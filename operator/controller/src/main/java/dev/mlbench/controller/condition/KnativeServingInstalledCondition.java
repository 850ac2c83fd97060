package dev.mlbench.controller.condition;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.knative.serving.v1.Service;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

/**
 * Activates the serverless target only where Knative Serving's Service CRD exists, so the operator runs, and
 * the container and VM targets work, on clusters without Knative.
 */
public class KnativeServingInstalledCondition extends CRDPresentActivationCondition<Service, MLBenchmark> {
}
