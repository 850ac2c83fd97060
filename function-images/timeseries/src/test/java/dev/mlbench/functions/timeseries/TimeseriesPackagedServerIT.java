package dev.mlbench.functions.timeseries;

import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.PackagedServerContract;

class TimeseriesPackagedServerIT extends PackagedServerContract {

    @Override
    protected OipServerContract workload() {
        return new TimeseriesServerTest();
    }

    @Override
    protected String workloadName() {
        return "timeseries";
    }
}
