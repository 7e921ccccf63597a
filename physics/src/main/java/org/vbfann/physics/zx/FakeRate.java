package org.vbfann.physics.zx;

/**
 * The fake rate a loose lepton was given: the value and statistical error of one bin of a {@link FakeRateMap}, and
 * which bin it was, so that a yield can propagate each bin's error on its own (the bins are independent
 * measurements, spec §3.2).
 *
 * @param flavour 11 or 13
 * @param bin     the bin's index within its flavour's map
 * @param value   the rate, in [0, 1) when used to weight an event
 * @param error   its statistical uncertainty (0 when not known)
 */
public record FakeRate(int flavour, int bin, double value, double error) {
}
