package dev.mlbench.functions.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The 3,000 labelled review sentences (IMDb, Amazon, Yelp; UCI "Sentiment Labelled Sentences") shipped as test
 * fixtures of the npm package {@code sentiment}, and the seeded train/held-out split every measurement uses.
 */
public final class LabelledSentences {

    static final List<String> FILES = List.of("imdb.json", "amazon.json", "yelp.json");
    static final double HELD_OUT_SHARE = 0.2;
    static final long SPLIT_SEED = 42;

    private LabelledSentences() {
    }

    /** Split of the corpus into what the head is trained on and what it is measured on. */
    public record Split(List<LabelledSentence> training, List<LabelledSentence> heldOut) {
    }

    /** Reads every record with text; each file has one empty record, which is skipped. */
    public static List<LabelledSentence> read(Path directory) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledSentence> sentences = new ArrayList<>();
        for (String file : FILES) {
            for (JsonNode record : mapper.readTree(directory.resolve(file).toFile())) {
                String text = record.path("text").asText("").strip();
                if (!text.isEmpty() && record.has("class")) {
                    sentences.add(new LabelledSentence(text, record.get("class").asInt() == 1));
                }
            }
        }
        return sentences;
    }

    public static Split split(List<LabelledSentence> sentences) {
        Random random = new Random(SPLIT_SEED);
        List<LabelledSentence> training = new ArrayList<>();
        List<LabelledSentence> heldOut = new ArrayList<>();
        for (LabelledSentence sentence : sentences) {
            (random.nextDouble() < HELD_OUT_SHARE ? heldOut : training).add(sentence);
        }
        return new Split(List.copyOf(training), List.copyOf(heldOut));
    }
}
