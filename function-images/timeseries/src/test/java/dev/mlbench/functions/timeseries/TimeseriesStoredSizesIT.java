package dev.mlbench.functions.timeseries;

import dev.mlbench.functions.server.testing.StoredSizesContract;

class TimeseriesStoredSizesIT extends StoredSizesContract {

    @Override
    protected String workloadName() {
        return "timeseries";
    }
}
