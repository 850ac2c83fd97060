package dev.mlbench.functions.image;

import dev.mlbench.functions.server.testing.StoredSizesContract;

class ImageClassificationStoredSizesIT extends StoredSizesContract {

    @Override
    protected String workloadName() {
        return "image-classification";
    }
}
