package dev.mlbench.functions.sentiment;

/** A review sentence and whether its author meant it positively. */
public record LabelledSentence(String text, boolean positive) {
}
