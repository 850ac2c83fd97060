package dev.mlbench.functions.recommendation;

/** One user's rating of one item, 1 to 5 stars. */
public record Rating(int user, int item, float stars) {
}
