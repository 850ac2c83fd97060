package dev.mlbench.functions.sentiment;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Build step: embeds the training sentences with the encoder and fits the logistic head on them. */
public final class SentimentHeadTrainingMain {

    private SentimentHeadTrainingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path modelDir = Files.createDirectories(Path.of(args[1]));
        long started = System.nanoTime();
        List<LabelledSentence> training = LabelledSentences.split(LabelledSentences.read(dataDir)).training();
        try (SentenceEncoder encoder = SentenceEncoder.load(Runtime.getRuntime().availableProcessors())) {
            float[][] embeddings = SentimentModel.embedAll(encoder, training.stream().map(LabelledSentence::text).toList());
            boolean[] positive = new boolean[training.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = training.get(i).positive();
            }
            LogisticHead head = LogisticHeadTrainer.train(embeddings, positive);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(modelDir.resolve(SentimentModel.HEAD_FILE))))) {
                head.writeTo(out);
            }
        }
        System.out.printf(Locale.ROOT, "trained the sentiment head on %d sentences in %.1f s%n", training.size(),
                (System.nanoTime() - started) / 1e9);
    }
}
