package org.vbfann.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vbfann stats}: the group of stats subcommands. */
@Command(name = "stats",
        header = "Statistics: fits, scans, impacts, compatibility, limits, significances, datacards.",
        description = "Runs the statistical analysis on Combine datacards or pyhf workspaces, like the CMS Combine tool.",
        subcommands = {
            StatsLimitCommand.class,
            StatsSignificanceCommand.class,
            StatsFitCommand.class,
            StatsScanCommand.class,
            StatsImpactsCommand.class,
            StatsCompatCommand.class,
            StatsCombineCardsCommand.class,
            StatsToPyhfCommand.class
        })
public final class StatsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
