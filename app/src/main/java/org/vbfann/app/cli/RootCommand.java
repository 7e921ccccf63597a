package org.vbfann.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vbfann root}: the everyday ROOT file utilities. */
@Command(name = "root",
        header = "Inspect, merge and skim ROOT files (ls, dump, hist, hadd, skim).",
        description = "Lists the contents of ROOT files, prints tree entries and histogram bins, without ROOT.",
        subcommands = {RootLsCommand.class, RootDumpCommand.class, RootHistCommand.class, HaddCommand.class,
            SkimCommand.class})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
