package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LeaderElectionTest {

  @Test
  void severalReplicasShareOneLeaseAndASingleOneNeedsNone() {
    var configuration = LeaderElection.configuration(true, "mlbench", Optional.of("mlbench-system"));
    assertThat(configuration.getLeaseName()).isEqualTo("mlbench");
    assertThat(configuration.getLeaseNamespace()).hasValue("mlbench-system");
    assertThat(LeaderElection.configuration(false, "mlbench", Optional.empty())).isNull();
  }
}
