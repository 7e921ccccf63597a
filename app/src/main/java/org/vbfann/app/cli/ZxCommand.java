package org.vbfann.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vbfann zx}: the group of Z+X (reducible background) subcommands. */
@Command(name = "zx",
        header = "Z+X from fake rates: measure the rates, estimate yields and shapes.",
        description = "The opposite-sign fake-rate method of the guide (spec section 3): fake rates from the Z+l"
            + " FakeRate trees, applied to the 2P2F and 3P1F ControlRegions trees.",
        subcommands = {
            ZxFakeRatesCommand.class,
            ZxEstimateCommand.class
        })
public final class ZxCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
