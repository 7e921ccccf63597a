package org.vbfann.physics.gen;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;

/**
 * Random variates drawn from a {@link SplittableRandom}, the generator's only source of randomness: the same
 * stream gives the same numbers on every machine. Each method documents its algorithm.
 */
final class Sampling {
    private Sampling() {
    }

    /** A stream for one purpose, derived from the run seed and a stream id by the SplitMix64 finaliser. */
    static SplittableRandom stream(long seed, long id) {
        long z = seed + 0x9E3779B97F4A7C15L * (id + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Standard normal variate (the JDK's modified ziggurat of {@code RandomGenerator.nextGaussian}). */
    static double gauss(SplittableRandom r) {
        return r.nextGaussian();
    }

    /** Exponential variate of the given mean, by inversion. */
    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    /**
     * Gamma(shape k, scale θ) variate: Marsaglia and Tsang, ACM TOMS 26 (2000) 363, with the
     * U^(1/k) boost for k &lt; 1.
     */
    static double gamma(SplittableRandom r, double k, double theta) {
        if (k < 1.0) {
            double u = r.nextDouble();
            return gamma(r, k + 1.0, theta) * Math.pow(u, 1.0 / k);
        }
        double d = k - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v * theta;
            }
        }
    }

    /** log of the Gamma(k, θ) density at x &gt; 0. */
    static double logGammaDensity(double x, double k, double theta) {
        return logGammaDensity(x, k, theta, logGammaNorm(k, theta));
    }

    /** log of the Gamma(k, θ) density with its normalisation {@link #logGammaNorm} precomputed. */
    static double logGammaDensity(double x, double k, double theta, double logNorm) {
        return (k - 1.0) * Math.log(x) - x / theta - logNorm;
    }

    /** log Γ(k) + k log θ. */
    static double logGammaNorm(double k, double theta) {
        return Gamma.logGamma(k) + k * Math.log(theta);
    }

    /** log of the normal density N(mean, sigma) at x. */
    static double logNormalDensity(double x, double mean, double sigma) {
        double z = (x - mean) / sigma;
        return -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    /** Standard normal CDF Φ(z). */
    static double normalCdf(double z) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2.0));
    }

    /** Normal variate N(mean, sigma) restricted to |x| &lt; limit, by rejection (the mass inside is large). */
    static double truncatedGauss(SplittableRandom r, double mean, double sigma, double limit) {
        while (true) {
            double x = mean + sigma * r.nextGaussian();
            if (Math.abs(x) < limit) {
                return x;
            }
        }
    }

    /**
     * Poisson variate of mean λ: multiplication of uniforms for λ &lt; 10, otherwise Hörmann's transformed
     * rejection PTRS (W. Hörmann, Insurance: Mathematics and Economics 12 (1993) 39).
     */
    static long poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = Math.exp(-lambda);
            double prod = r.nextDouble();
            long k = 0;
            while (prod > limit) {
                prod *= r.nextDouble();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(lambda);
        double loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5;
            double v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lambda + k * loglam - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }

    /** Uniform azimuth in [−π, π). */
    static double phi(SplittableRandom r) {
        return Math.PI * (2.0 * r.nextDouble() - 1.0);
    }

    /** Index drawn from the discrete probabilities {@code p} (which sum to 1). */
    static int discrete(SplittableRandom r, double[] p) {
        double u = r.nextDouble();
        double c = 0;
        for (int i = 0; i < p.length - 1; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }
}
