package dev.mlbench.controller.run;

import java.util.List;

import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;

/**
 * The steps of one model on one target, run one after another so they never disturb each other.
 *
 * @param endpoint base URL of the target's model server
 * @param ready whether the target is ready now; a lane whose target is rolling out starts no new step
 * @param instanceType the VM pool's instance type (the VM target sizes its pods to it)
 * @param resultsConfigMap ConfigMap that stores the lane's results, one key per step
 */
public record Lane(ModelSpec model, TargetKind target, String endpoint, boolean ready, String instanceType,
    String resultsConfigMap, List<Step> steps) {
}
