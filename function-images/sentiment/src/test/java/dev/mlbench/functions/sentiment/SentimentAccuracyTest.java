package dev.mlbench.functions.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SentimentAccuracyTest {

    @Test
    void corpusHasTheThreeThousandLabelledSentencesLessTheEmptyRecords() throws Exception {
        List<LabelledSentence> sentences = LabelledSentences.read(dataDir());
        assertEquals(3000, sentences.size());
        assertEquals(1500, sentences.stream().filter(LabelledSentence::positive).count());
    }

    @Test
    void packagedModelIsRightOnAtLeast85PercentOfHeldOutSentences() throws Exception {
        List<LabelledSentence> heldOut = LabelledSentences.split(LabelledSentences.read(dataDir())).heldOut();
        try (SentimentModel model = new SentimentModel("sentiment", SentenceEncoder.load(2), SentimentModel.loadPackagedHead())) {
            float[] positive = model.probabilitiesPositive(heldOut.stream().map(LabelledSentence::text).toList());
            int correct = 0;
            for (int i = 0; i < positive.length; i++) {
                correct += (positive[i] >= 0.5f) == heldOut.get(i).positive() ? 1 : 0;
            }
            double accuracy = correct / (double) heldOut.size();
            System.out.printf(Locale.ROOT, "sentiment held-out accuracy %.4f (%d/%d)%n", accuracy, correct, heldOut.size());
            assertTrue(accuracy >= 0.85, "held-out accuracy " + accuracy);
        }
    }

    private static Path dataDir() {
        return Path.of(System.getProperty("sentiment.data.dir"));
    }
}
