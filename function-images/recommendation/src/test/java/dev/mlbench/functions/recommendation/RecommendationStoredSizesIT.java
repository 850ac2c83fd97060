package dev.mlbench.functions.recommendation;

import dev.mlbench.functions.server.testing.StoredSizesContract;

class RecommendationStoredSizesIT extends StoredSizesContract {

    @Override
    protected String workloadName() {
        return "recommendation";
    }
}
