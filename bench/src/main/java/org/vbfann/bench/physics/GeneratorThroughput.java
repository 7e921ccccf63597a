package org.vbfann.bench.physics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.vbfann.physics.gen.FinalState;
import org.vbfann.physics.gen.GeneratorSettings;
import org.vbfann.physics.gen.Process;
import org.vbfann.physics.gen.SampleSpec;
import org.vbfann.physics.gen.SyntheticNtuples;

/**
 * CPU time per generated event of each process (thread CPU time, so other processes on a shared machine do
 * not inflate it), after one warm-up sample:
 * {@code java -cp bench/target/benchmarks.jar org.vbfann.bench.physics.GeneratorThroughput [EVENTS]}.
 * Prints one line per process and the event-weighted mean over the default run's mix.
 */
public final class GeneratorThroughput {
    private GeneratorThroughput() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 30000;
        SyntheticNtuples gen = new SyntheticNtuples(new GeneratorSettings(GeneratorSettings.LUMI_2016, 42, 1.0, 1));
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double weighted = 0;
        long mix = 0;
        for (Process p : Process.values()) {
            SampleSpec spec = new SampleSpec(p, p.datasets().get(0), FinalState.TWO_E_TWO_MU, events, 7);
            gen.generate(spec);
            long c0 = bean.getCurrentThreadCpuTime();
            gen.generate(spec);
            double us = (bean.getCurrentThreadCpuTime() - c0) / 1e3 / events;
            long share = 0;
            for (SampleSpec s : gen.mcSamples()) {
                share += s.process() == p ? s.events() : 0;
            }
            weighted += us * share;
            mix += share;
            System.out.printf(Locale.ROOT, "%-5s %6.1f us CPU per event%n", p.key(), us);
        }
        System.out.printf(Locale.ROOT, "mean over the default mix: %.1f us CPU per event, %.1f s per million events on one core%n",
                weighted / mix, weighted / mix);
    }
}
