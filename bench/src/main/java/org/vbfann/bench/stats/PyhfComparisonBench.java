package org.vbfann.bench.stats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.vbfann.stats.AsymptoticCalculator;
import org.vbfann.stats.FitResult;
import org.vbfann.stats.Fitter;
import org.vbfann.stats.LikelihoodModel;
import org.vbfann.stats.PyhfWorkspaceReader;

/**
 * Times vbfann on a pyhf workspace: one maximum-likelihood fit, one CLs hypotest at mu = 1 and one upper limit
 * (observed and expected band), each repeated after a JIT warm-up; prints the results and the median CPU times
 * of the (single) computing thread as JSON, so a shared, loaded machine does not inflate them.
 * Run: java -cp bench/target/benchmarks.jar org.vbfann.bench.stats.PyhfComparisonBench ws.json [repeats]
 * (bench/stats/run.sh runs it beside pyhf).
 */
public final class PyhfComparisonBench {
    private PyhfComparisonBench() {
    }

    /** Times the workspace {@code args[0]}, {@code args[1]} repeats (default 5) after as many warm-up runs. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LikelihoodModel m = new PyhfWorkspaceReader().read(file);
        double[] fit = new double[repeats];
        double[] hypo = new double[repeats];
        double[] limit = new double[repeats];
        FitResult best = null;
        AsymptoticCalculator.HypoTest h = null;
        AsymptoticCalculator.Limits l = null;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < repeats; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                best = Fitter.requireConverged(new Fitter(m).fit(), "fit");
                long t1 = cpu.getCurrentThreadCpuTime();
                h = new AsymptoticCalculator(new Fitter(m), AsymptoticCalculator.Convention.PYHF,
                        AsymptoticCalculator.TestStatistic.QTILDE).hypoTest(1.0);
                long t2 = cpu.getCurrentThreadCpuTime();
                l = new AsymptoticCalculator(new Fitter(m), AsymptoticCalculator.Convention.PYHF,
                        AsymptoticCalculator.TestStatistic.QTILDE).upperLimits(0.05);
                long t3 = cpu.getCurrentThreadCpuTime();
                fit[i] = (t1 - t0) / 1e9;
                hypo[i] = (t2 - t1) / 1e9;
                limit[i] = (t3 - t2) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "{\"tool\": \"vbfann\", \"parameters\": %d, \"bins\": %d, \"mu_hat\": %.8f,"
                        + " \"twice_nll\": %.8f, \"cls_obs\": %.8g, \"cls_exp\": %s, \"limit_obs\": %.6f,"
                        + " \"limit_exp\": %s, \"t_fit\": %.6f, \"t_hypotest\": %.6f, \"t_limit\": %.6f}%n",
                m.parameterCount(), m.binCount(), best.parameters()[m.poi()], 2 * best.nll(), h.clsObserved(),
                Arrays.toString(h.clsExpected()), l.observed(), Arrays.toString(l.expected()), median(fit),
                median(hypo), median(limit));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
