package dev.mlbench.functions.image;

import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.PackagedServerContract;

class OrientationPackagedServerIT extends PackagedServerContract {

    @Override
    protected OipServerContract workload() {
        return new OrientationServerTest();
    }

    @Override
    protected String workloadName() {
        return "image-classification";
    }
}
