package org.vbfann.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vbfann nn}: the group of nn subcommands. */
@Command(name = "nn",
        header = "Neural networks: train, scan, rank, export, import, predict, apply.",
        description = "Trains, evaluates and exports the multilayer perceptrons that separate VBF from the other processes.",
        subcommands = {NnExportCommand.class, NnImportKerasCommand.class, NnPredictCommand.class, NnApplyCommand.class,
            NnTrainCommand.class,
            NnScanCommand.class,
            NnRankCommand.class})
public final class NnCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
