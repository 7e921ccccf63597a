package org.vbfann.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vbfann dataset}: the group of dataset subcommands. */
@Command(name = "dataset",
        header = "Training datasets: build them from reduced ntuples.",
        description = "Turns reduced ntuples into the train, validation and test splits that 'vbfann nn train' reads.",
        subcommands = {DatasetBuildCommand.class})
public final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
