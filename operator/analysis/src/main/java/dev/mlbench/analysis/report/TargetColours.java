package dev.mlbench.analysis.report;

import dev.mlbench.api.v1alpha1.TargetKind;

/** One colour per deployment model, the same in every chart, plus a palette for cost components and stages. */
final class TargetColours {

  private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"};

  private TargetColours() {
  }

  static String of(TargetKind target) {
    if (target == null) {
      return "#888888";
    }
    return switch (target) {
      case SERVERLESS -> "#1b9e77";
      case CONTAINER -> "#d95f02";
      case VM -> "#7570b3";
    };
  }

  static String palette(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }
}
