package org.vbfann.physics.gen;

import org.vbfann.physics.PhysicsException;

/**
 * Settings of a generator run.
 *
 * @param lumiInvFb integrated luminosity [fb⁻¹]; 35.9 is the 2016 dataset (spec §2.0); yields scale with it
 * @param seed      the run seed; every sample draws from its own stream derived from it
 * @param scale     multiplies the number of simulated (MC) events of every sample; yields do not change
 * @param threads   samples generated in parallel (results do not depend on it)
 */
public record GeneratorSettings(double lumiInvFb, long seed, double scale, int threads) {
    /** The 2016 luminosity, 35.9 fb⁻¹ (spec §8 A4). */
    public static final double LUMI_2016 = 35.9;

    public GeneratorSettings {
        if (!(lumiInvFb > 0) || Double.isInfinite(lumiInvFb)) {
            throw new PhysicsException("luminosity must be a positive number of fb^-1, got " + lumiInvFb);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new PhysicsException("scale must be a positive number, got " + scale);
        }
        if (threads < 1) {
            throw new PhysicsException("threads must be at least 1, got " + threads);
        }
    }

    /** 35.9 fb⁻¹, the given seed, scale 1, one thread. */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(LUMI_2016, seed, 1.0, 1);
    }
}
