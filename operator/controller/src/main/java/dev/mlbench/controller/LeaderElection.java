package dev.mlbench.controller;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.Unremovable;

/**
 * Leader election for an operator run with several replicas (the Helm chart turns it on when replicas > 1):
 * the Quarkus Operator SDK takes it from this bean, in the prod profile; none means no leader election.
 */
@Singleton
public class LeaderElection {

  @Produces
  @Dependent
  @Unremovable
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "mlbench.leader-election.enabled", defaultValue = "false") boolean enabled,
      @ConfigProperty(name = "mlbench.leader-election.lease-name", defaultValue = "mlbench-operator") String leaseName,
      @ConfigProperty(name = "mlbench.leader-election.lease-namespace") Optional<String> leaseNamespace) {
    return configuration(enabled, leaseName, leaseNamespace);
  }

  static LeaderElectionConfiguration configuration(boolean enabled, String leaseName, Optional<String> leaseNamespace) {
    return enabled ? new LeaderElectionConfiguration(leaseName, leaseNamespace.orElse(null)) : null;
  }
}
