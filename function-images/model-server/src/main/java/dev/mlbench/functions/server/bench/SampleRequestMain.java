package dev.mlbench.functions.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.oip.OipJsonWriter;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Prints the workload's sample inference request as OIP JSON, so that scripts can send the same request the
 * server warms up with. Usage: {@code java -cp <workload jar> dev.mlbench.functions.server.bench.SampleRequestMain}.
 */
public final class SampleRequestMain {

    private SampleRequestMain() {
    }

    public static void main(String[] args) throws Exception {
        ModelFactory factory = ServiceLoader.load(ModelFactory.class).findFirst().orElseThrow();
        try (InferenceModel model = factory.load(factory.defaultModelName(), ServerConfig.fromEnvironment(System.getenv()))) {
            System.out.write(new OipJsonWriter(new ObjectMapper().getFactory()).request(model.sampleRequest()));
            System.out.println();
        }
    }
}
