package dev.mlbench.functions.recommendation;

import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.PackagedServerContract;

class RecommendationPackagedServerIT extends PackagedServerContract {

    @Override
    protected OipServerContract workload() {
        return new RecommendationServerTest();
    }

    @Override
    protected String workloadName() {
        return "recommendation";
    }
}
