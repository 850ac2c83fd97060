package dev.mlbench.analysis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.ServerlessTargetSpec;

class AutoscalerSettingsTest {

  @Test
  void serverlessTargetSpecSetsTheRevisionsAnnotationsAndKnativeTheRest() {
    ServerlessTargetSpec spec = new ServerlessTargetSpec();
    spec.containerConcurrency = 4;
    spec.minScale = 1;
    spec.maxScale = 20;
    spec.target = 3;
    spec.window = "1m30s";

    AutoscalerSettings settings = AutoscalerSettings.from(spec);

    assertEquals(4, settings.containerConcurrency());
    assertEquals(1, settings.minScale());
    assertEquals(20, settings.maxScale());
    assertEquals(3 * 0.7, settings.targetPerPod(), 1e-12);
    assertEquals(Duration.ofSeconds(90), settings.stableWindow());
    assertEquals(9, settings.panicWindowSeconds());
    assertEquals(Duration.ofSeconds(30), settings.scaleToZeroGracePeriod());
    assertEquals(Duration.ofSeconds(2), settings.tickInterval());
  }

  @Test
  void settingsKnativeWouldRejectAreRejected() {
    AutoscalerSettings defaults = AutoscalerSettings.knativeDefaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withStableWindow(Duration.ofSeconds(5)));
    assertThrows(IllegalArgumentException.class, () -> defaults.withStableWindow(Duration.ofMillis(6500)));
    assertThrows(IllegalArgumentException.class, () -> defaults.withScale(3, 2));
    assertThrows(IllegalArgumentException.class, () -> defaults.withTarget(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withContainerConcurrency(-1));
  }
}
