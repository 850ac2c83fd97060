package dev.mlbench.functions.sentiment;

import dev.mlbench.functions.server.testing.StoredSizesContract;

class SentimentStoredSizesIT extends StoredSizesContract {

    @Override
    protected String workloadName() {
        return "sentiment";
    }
}
