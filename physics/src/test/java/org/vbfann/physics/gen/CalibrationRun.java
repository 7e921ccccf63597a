package org.vbfann.physics.gen;

/**
 * Prints the calibration factors of {@link Calibration}: for each process, target/expected VBF-SR yield with
 * the current factors, and the factor that would hit the target. Run by hand after changing the model:
 * {@code java -cp ... org.vbfann.physics.gen.CalibrationRun [scale]}.
 */
public final class CalibrationRun {
    private CalibrationRun() {
    }

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 4.0;
        SyntheticNtuples gen = new SyntheticNtuples(new GeneratorSettings(GeneratorSettings.LUMI_2016, 12345, scale, 2));
        for (Process p : Process.values()) {
            double sr = 0;
            double[] perFs = new double[3];
            double nj2 = 0;
            double all = 0;
            double window = 0;
            for (SampleSpec s : gen.mcSamples()) {
                if (s.process() != p) {
                    continue;
                }
                GeneratedSample g = gen.generate(s);
                double y = g.expected().get(Category.VBF_SR);
                sr += y;
                perFs[s.finalState().ordinal()] += y;
                nj2 += g.expected().get(Category.NJETS2);
                all += g.expectedSelected();
                float[] w = g.table().column("f_weight").floats();
                boolean[] win = org.vbfann.physics.expr.Expression.parse("f_mass4l >= 118 && f_mass4l <= 130").select(g.table());
                for (int i = 0; i < w.length; i++) {
                    window += win[i] ? w[i] : 0;
                }
            }
            System.out.printf("%-5s VBF-SR %.4f target %.4f  k_now %.4f -> k_new %.4f   4mu/4e/2e2mu %.3f %.3f %.3f  Njets2 frac %.3f  all %.2f  118-130 %.2f%n",
                    p.key(), sr, p.vbfSrTarget(), Calibration.factor(p), Calibration.factor(p) * p.vbfSrTarget() / sr,
                    perFs[0] / sr, perFs[1] / sr, perFs[2] / sr, nj2 / sr, all, window);
        }
        for (ZxChannel c : ZxChannel.values()) {
            ZplusXGenerator.ZxYields zy = ZplusXGenerator.trueYields(c, gen.settings());
            double y = zy.get(Category.VBF_SR);
            System.out.printf("Z+X %-6s VBF-SR %.4f target %.4f  N_now %.1f -> N_new %.1f  all %.2f%n", c.label(), y, c.vbfSrTarget(),
                    Calibration.zplusxPopulation(c), Calibration.zplusxPopulation(c) * c.vbfSrTarget() / y, zy.total());
        }
    }
}
