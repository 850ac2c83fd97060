package dev.mlbench.functions.image;

/** What a model says about one image: a label and how sure it is. */
public record Prediction(String label, float probability) {
}
