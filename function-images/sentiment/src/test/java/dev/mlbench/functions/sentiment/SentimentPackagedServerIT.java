package dev.mlbench.functions.sentiment;

import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.PackagedServerContract;

class SentimentPackagedServerIT extends PackagedServerContract {

    @Override
    protected OipServerContract workload() {
        return new SentimentServerTest();
    }

    @Override
    protected String workloadName() {
        return "sentiment";
    }
}
