package org.vbfann.bench.physics;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vbfann.physics.gen.FinalState;
import org.vbfann.physics.gen.GeneratorSettings;
import org.vbfann.physics.gen.Process;
import org.vbfann.physics.gen.SampleSpec;
import org.vbfann.physics.gen.SyntheticNtuples;

/**
 * Events generated per second by the synthetic ntuple generator: one sample of a process in the 2e2μ final
 * state (selection, weights and every reduced-tree branch), on one thread; divide the events by the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class GeneratorBenchmark {
    @Param({"QQH", "GGH", "QQZZ"})
    String process;

    @Param({"2000", "20000"})
    int events;

    private SyntheticNtuples generator;
    private SampleSpec spec;

    @Setup
    public void setup() {
        generator = new SyntheticNtuples(new GeneratorSettings(GeneratorSettings.LUMI_2016, 42, 1.0, 1));
        Process p = Process.valueOf(process);
        spec = new SampleSpec(p, p.datasets().get(0), FinalState.TWO_E_TWO_MU, events, 7);
    }

    @Benchmark
    public void generateSample(Blackhole bh) {
        bh.consume(generator.generate(spec).table());
    }
}
