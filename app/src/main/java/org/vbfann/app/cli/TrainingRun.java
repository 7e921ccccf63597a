package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.ml.ClassifierMetrics;
import org.vbfann.ml.KolmogorovSmirnov;
import org.vbfann.ml.MlException;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Roc;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingListener;
import org.vbfann.ml.TrainingSet;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelWriter;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.core.NameSuggestions;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.LossCurvePlot;
import org.vbfann.plot.RocPlot;
import org.vbfann.plot.ScorePlot;

/**
 * One training on a dataset and everything written for it, shared by {@code nn train} and {@code nn scan}: the
 * training, validation and test sets for the chosen inputs and classes, the training, then in the output folder
 * {@code model.json}, {@code history.csv}, the plots {@code loss.png}, {@code roc.png} and {@code scores.png}, and
 * {@code metrics.json} last (its presence marks a finished training).
 *
 * <p>Metrics are computed on the test split with <em>expected-yield</em> weights: each event's weight is scaled
 * by Y_p / W_p, with Y_p the process's sum of weights after selection (over all splits) and W_p its sum in the
 * test split, so s and b at a cut are the yields expected in the full selected sample. The same is done for the
 * reference discriminants ({@code f_Djet_VAJHU}, {@code f_D_jet}) on the same events.
 */
final class TrainingRun {
    /** The file whose presence marks a finished training. */
    static final String METRICS_FILE = "metrics.json";
    /** Bins of the score distributions (the guide's overtraining plots used 40 on [0, 1], spec §2.2). */
    static final int SCORE_BINS = 40;
    /** Most points drawn per ROC curve; the curve is thinned evenly beyond that. */
    static final int ROC_POINTS = 1000;

    /**
     * The classes to train.
     *
     * @param groups null for binary (signal keys against the rest), else class name to its keys (multi-class)
     */
    record Target(Map<String, List<String>> groups) {
        static final Target BINARY = new Target(null);

        /** Parses {@code NAME=KEY1+KEY2} entries. */
        static Target parse(List<String> entries) {
            if (entries == null || entries.isEmpty()) {
                return BINARY;
            }
            Map<String, List<String>> g = new LinkedHashMap<>();
            for (String e : entries) {
                int eq = e.indexOf('=');
                if (eq <= 0 || eq == e.length() - 1) {
                    throw new CommandFailedException("class group '" + e + "' is not NAME=KEY1+KEY2", ExitCodes.USAGE);
                }
                g.put(e.substring(0, eq).strip(), List.of(e.substring(eq + 1).strip().split("\\s*\\+\\s*")));
            }
            return new Target(g);
        }
    }

    /** The sets of one training. */
    record Sets(TrainingSet train, TrainingSet validation, TrainingSet test, int[] testProcess) {
    }

    private TrainingRun() {
    }

    /**
     * The training, validation and test sets of {@code inputs} (a subset of the dataset's features, in any
     * order; empty for all).
     *
     * @throws MlException for an unknown input (with close names), an empty split, or a target whose groups do
     *                     not cover the keys
     */
    static Sets sets(Dataset d, List<String> inputs, Target target) {
        List<String> names = d.featureNames();
        List<String> chosen = inputs == null || inputs.isEmpty() ? names : inputs;
        int[] cols = new int[chosen.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = names.indexOf(chosen.get(j));
            if (cols[j] < 0) {
                throw new MlException("input '" + chosen.get(j) + "' is not a feature of the dataset "
                        + names + NameSuggestions.didYouMean(chosen.get(j), names));
            }
        }
        List<String> classes = new ArrayList<>();
        int[] classOf = classes(d, target, classes);
        List<String> processes = new ArrayList<>();
        double[] yields = new double[d.processes().size()];
        for (int p = 0; p < yields.length; p++) {
            processes.add(d.processes().get(p).key());
            yields[p] = d.processes().get(p).sumWAfter();
        }
        TrainingSet[] sets = new TrainingSet[3];
        for (int s = 0; s < 3; s++) {
            Dataset.Split sp = d.splits().get(s);
            if (sp.rows() == 0) {
                throw new MlException("dataset split '" + sp.name() + "' has no events; rebuild the dataset with a"
                        + " non-zero " + sp.name() + " fraction");
            }
            float[] x = new float[sp.rows() * cols.length];
            int nf = names.size();
            int[] labels = new int[sp.rows()];
            for (int r = 0; r < sp.rows(); r++) {
                for (int j = 0; j < cols.length; j++) {
                    x[r * cols.length + j] = sp.x()[r * nf + cols[j]];
                }
                labels[r] = classOf[sp.process()[r]];
            }
            try {
                sets[s] = new TrainingSet(chosen, x, labels, classes, sp.weight(), sp.process(), processes, yields);
            } catch (MlException e) {
                throw new MlException(sp.name() + " split: " + e.getMessage(), e);
            }
        }
        return new Sets(sets[0], sets[1], sets[2], d.splits().get(2).process());
    }

    /** Fills {@code classes} and returns the class of each process; class 1 is the signal (the trainer's rule). */
    private static int[] classes(Dataset d, Target t, List<String> classes) {
        int np = d.processes().size();
        int[] classOf = new int[np];
        if (t.groups() == null) {
            classes.addAll(List.of("background", "signal"));
            for (int p = 0; p < np; p++) {
                classOf[p] = d.processes().get(p).signal() ? 1 : 0;
            }
            return classOf;
        }
        List<String> keys = d.processes().stream().map(Dataset.ProcessSummary::key).toList();
        String signalGroup = null;
        for (Map.Entry<String, List<String>> g : t.groups().entrySet()) {
            for (String k : g.getValue()) {
                int p = keys.indexOf(k);
                if (p < 0) {
                    throw new MlException("class group '" + g.getKey() + "': key '" + k + "' is not a process of the"
                            + " dataset " + keys + NameSuggestions.didYouMean(k, keys));
                }
                if (d.processes().get(p).signal()) {
                    if (signalGroup != null && !signalGroup.equals(g.getKey())) {
                        throw new MlException("signal keys are in groups '" + signalGroup + "' and '" + g.getKey()
                                + "'; put every signal key in one group");
                    }
                    signalGroup = g.getKey();
                }
            }
        }
        if (signalGroup == null) {
            throw new MlException("no class group holds a signal key; groups are " + t.groups());
        }
        List<String> order = new ArrayList<>(t.groups().keySet());
        order.remove(signalGroup);
        order.add(Math.min(1, order.size()), signalGroup);
        classes.addAll(order);
        java.util.Arrays.fill(classOf, -1);
        for (Map.Entry<String, List<String>> g : t.groups().entrySet()) {
            for (String k : g.getValue()) {
                classOf[keys.indexOf(k)] = order.indexOf(g.getKey());
            }
        }
        for (int p = 0; p < np; p++) {
            if (classOf[p] < 0) {
                throw new MlException("key '" + keys.get(p) + "' is in no class group; groups are " + t.groups());
            }
        }
        return classOf;
    }

    /**
     * Trains and writes every output into {@code out}.
     *
     * @return the metrics document written to {@value #METRICS_FILE}
     */
    static ObjectNode run(Dataset d, Sets sets, TrainingConfig config, Path out, TrainingListener listener,
            ObjectNode provenance) {
        long t0 = System.nanoTime();
        Trainer.Result result = Trainer.train(config, sets.train(), sets.validation(), listener);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Mlp net = result.model();
        TrainingSet test = sets.test();
        TrainingSet train = sets.train();
        double[] testScore = signalScore(net, test);
        double[] trainScore = signalScore(net, train);
        boolean[] testSignal = signalFlags(test);
        boolean[] trainSignal = signalFlags(train);
        double[] testW = yieldWeights(d, test, 2);
        double[] trainW = yieldWeights(d, train, 0);

        ObjectNode metrics = NnFiles.JSON.createObjectNode();
        ObjectNode testNode = metrics.putObject("test");
        Roc nnRoc = Roc.of(testScore, testSignal, testW);
        List<RocPlot.Curve> curves = new ArrayList<>();
        curves.add(curve("network", nnRoc));
        put(testNode, "nn", ClassifierMetrics.of(nnRoc));
        Dataset.Split split = d.split("test");
        for (int q = 0; q < d.references().size(); q++) {
            Roc r = Roc.of(split.reference()[q], testSignal, testW);
            put(testNode, d.references().get(q), ClassifierMetrics.of(r));
            curves.add(curve(d.references().get(q), r));
        }
        ObjectNode trainNode = metrics.putObject("train");
        put(trainNode, "nn", ClassifierMetrics.of(trainScore, trainSignal, trainW));
        double gap = trainNode.path("nn").path("auc").asDouble() - testNode.path("nn").path("auc").asDouble();
        metrics.put("aucTrainMinusTest", gap);
        KolmogorovSmirnov ksS = ks(trainScore, trainW, trainSignal, testScore, testW, testSignal, true);
        KolmogorovSmirnov ksB = ks(trainScore, trainW, trainSignal, testScore, testW, testSignal, false);
        ObjectNode ksNode = metrics.putObject("ks");
        ksNode.putObject("signal").put("statistic", ksS.statistic()).put("pValue", ksS.pValue());
        ksNode.putObject("background").put("statistic", ksB.statistic()).put("pValue", ksB.pValue());
        metrics.put("epochs", result.history().epochs()).put("bestEpoch", result.history().bestEpoch() + 1)
                .put("trainSeconds", seconds).put("secondsPerEpoch", seconds / result.history().epochs());
        metrics.put("trainEvents", train.rows()).put("validationEvents", sets.validation().rows())
                .put("testEvents", test.rows());

        ObjectNode training = ModelWriter.trainingRecord(config, result.history());
        training.setAll(provenance);
        ArrayNode classes = training.putArray("classes");
        train.classes().forEach(classes::add);
        ModelWriter.write(new ModelFile(net, training, metrics.deepCopy()), out);
        NnFiles.writeAtomically(out.resolve("history.csv"), result.history().toCsv().getBytes(StandardCharsets.UTF_8));
        ChartFiles.save(LossCurvePlot.chart("Loss", result.history().loss(), result.history().validationLoss(),
                result.history().bestEpoch()), out.resolve("loss.png"));
        ChartFiles.save(RocPlot.chart("ROC, test split", curves), out.resolve("roc.png"));
        List<ScorePlot.Sample> samples = List.of(
                sample("signal, train", trainScore, trainW, trainSignal, true),
                sample("signal, test", testScore, testW, testSignal, true),
                sample("background, train", trainScore, trainW, trainSignal, false),
                sample("background, test", testScore, testW, testSignal, false));
        ChartFiles.save(ScorePlot.chart(ScorePlot.ksTitle(ksS.pValue(), ksB.pValue()), samples, SCORE_BINS, 0, 1),
                out.resolve("scores.png"));
        NnFiles.writeJson(out.resolve(METRICS_FILE), metrics);
        return metrics;
    }

    /** The probability of the signal class (class 1) for every event. */
    static double[] signalScore(Mlp net, TrainingSet set) {
        int m = net.outputs();
        double[] y = new double[set.rows() * m];
        net.predictor(1024).predict(set.x(), set.rows(), y);
        if (m == 1) {
            return y;
        }
        double[] s = new double[set.rows()];
        for (int r = 0; r < s.length; r++) {
            s[r] = y[r * m + 1];
        }
        return s;
    }

    private static boolean[] signalFlags(TrainingSet set) {
        boolean[] s = new boolean[set.rows()];
        for (int r = 0; r < s.length; r++) {
            s[r] = set.labels()[r] == 1;
        }
        return s;
    }

    /** Event weights scaled per process to the expected yield of the whole selection (see the class comment). */
    static double[] yieldWeights(Dataset d, TrainingSet set, int split) {
        int np = d.processes().size();
        double[] f = new double[np];
        for (int p = 0; p < np; p++) {
            Dataset.ProcessSummary ps = d.processes().get(p);
            double inSplit = ps.splitSumW()[split];
            f[p] = inSplit == 0 ? 0 : ps.sumWAfter() / inSplit;
        }
        double[] w = new double[set.rows()];
        for (int r = 0; r < w.length; r++) {
            w[r] = set.weights()[r] * f[set.process()[r]];
        }
        return w;
    }

    private static KolmogorovSmirnov ks(double[] trainScore, double[] trainW, boolean[] trainSignal, double[] testScore,
            double[] testW, boolean[] testSignal, boolean signal) {
        ScorePlot.Sample a = sample("", trainScore, trainW, trainSignal, signal);
        ScorePlot.Sample b = sample("", testScore, testW, testSignal, signal);
        return KolmogorovSmirnov.test(a.score(), a.weights(), b.score(), b.weights());
    }

    private static ScorePlot.Sample sample(String name, double[] score, double[] w, boolean[] isSignal, boolean signal) {
        int n = 0;
        for (boolean s : isSignal) {
            n += s == signal ? 1 : 0;
        }
        double[] v = new double[n];
        double[] vw = new double[n];
        int k = 0;
        for (int i = 0; i < score.length; i++) {
            if (isSignal[i] == signal) {
                v[k] = score[i];
                vw[k++] = w[i];
            }
        }
        return new ScorePlot.Sample(name, v, vw);
    }

    private static RocPlot.Curve curve(String name, Roc roc) {
        double[] b = roc.backgroundEfficiencies();
        double[] s = roc.signalEfficiencies();
        int n = b.length;
        int keep = Math.min(n, ROC_POINTS);
        double[] tb = new double[keep];
        double[] ts = new double[keep];
        for (int i = 0; i < keep; i++) {
            int k = keep == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (keep - 1));
            tb[i] = b[k];
            ts[i] = s[k];
        }
        return new RocPlot.Curve(name, tb, ts, roc.auc());
    }

    private static void put(ObjectNode parent, String name, ClassifierMetrics m) {
        parent.putObject(name).put("auc", m.auc()).put("epsPurity", m.epsPurity()).put("cut", m.cut())
                .put("signal", m.signal()).put("background", m.background()).put("sOverSqrtSB", m.sOverSqrtSB())
                .put("asimovZ", m.asimovZ());
    }
}
