package org.vbfann.stats;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vbfann.testkit.Fixtures;

class ScratchTest {
    @Test
    void run() throws Exception {
        Path dir = Fixtures.path("stats/combine/ci_template_analysis_htt_tt_9_13TeV");
        DatacardModel dm;
        try (RootShapeSource src = new RootShapeSource()) {
            dm = new DatacardModelBuilder(src).mass("200").rRange(-5, 5).build(dir.resolve("template-analysis_shapeInterp.txt"));
        }
        LikelihoodModel m = dm.model();
        System.out.println("np " + m.parameterCount() + " bins " + m.binCount() + " samples " + m.sampleCount());
        for (int it : new int[]{80}) {
            FitResult r = new Minimizer(1e-11, it).minimize(m.evaluator(), m.initialValues(), m.fixedParameters(), m.lowerBounds(), m.upperBounds());
            System.out.println(it + " " + r.status() + " nll " + r.nll() + " edm " + r.edm() + " r=" + r.parameters()[0]);
            if (it == 200) {
                double[] x = r.parameters(); double[] g = new double[x.length]; LikelihoodModel.Evaluator ev = m.evaluator(); ev.nllAndGradient(x, g);
                for (int i = 0; i < x.length; i++) { double h = 1e-6; double[] a = x.clone(), b = x.clone(); a[i] += h; b[i] -= h; double fd = (ev.nll(a) - ev.nll(b)) / (2*h); if (Math.abs(fd - g[i]) > 1e-4 * Math.max(1, Math.abs(fd))) System.out.println("GRAD " + m.parameterName(i) + " analytic " + g[i] + " fd " + fd); }
                for (int i = 0; i < m.parameterCount(); i++) if (Math.abs(r.parameters()[i] - m.initialValues()[i]) > 0.5 || r.parameters()[i] <= m.lowerBounds()[i] + 1e-6 || r.parameters()[i] >= m.upperBounds()[i] - 1e-6) System.out.println("  " + m.parameterName(i) + " = " + r.parameters()[i] + " [" + m.lowerBounds()[i] + "," + m.upperBounds()[i] + "]");
            }
        }
    }
}
