package org.vbfann.ml.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.vbfann.ml.TrainingConfig;

/**
 * One configuration of a scan: a named input set and the training settings. Its {@link #id()} is derived from
 * the settings alone, so the same configuration gets the same folder whatever grid it came from and a re-run
 * finds its earlier result.
 *
 * @param inputSet name of the input set (a label for tables)
 * @param inputs   the features, in order
 * @param config   the training settings
 */
public record ScanPoint(String inputSet, List<String> inputs, TrainingConfig config) {
    /** Copies the inputs. */
    public ScanPoint {
        inputs = List.copyOf(inputs);
    }

    /**
     * Every setting as one line of text ({@code key=value;...}), the input of {@link #id()}; two points with the
     * same description train the same network.
     */
    public String describe() {
        TrainingConfig c = config;
        StringBuilder sb = new StringBuilder();
        sb.append("inputs=").append(String.join("|", inputs));
        sb.append(";layers=");
        int[] h = c.hiddenLayers();
        for (int i = 0; i < h.length; i++) {
            sb.append(i == 0 ? "" : "-").append(h[i]);
        }
        sb.append(String.format(Locale.ROOT, ";activation=%s;dropout=%s;batch=%d;epochs=%d;patience=%d;lr=%s;"
                        + "optimizer=%s;l2=%s;weighting=%s;negative=%s;standardize=%s;seed=%d;threads=%d",
                c.activation().id(), c.dropout(), c.batchSize(), c.maxEpochs(), c.patience(), c.learningRate(),
                c.optimizer().id(), c.l2(), c.weighting().id(), c.negativeWeights().id(), c.standardize(), c.seed(),
                c.threads()));
        return sb.toString();
    }

    /** The first 10 hex digits of the SHA-256 of {@link #describe()}. */
    public String id() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Hidden-layer sizes as {@code 36-18-9}. */
    public String layersLabel() {
        StringBuilder sb = new StringBuilder();
        for (int u : config.hiddenLayers()) {
            sb.append(sb.length() == 0 ? "" : "-").append(u);
        }
        return sb.toString();
    }
}
