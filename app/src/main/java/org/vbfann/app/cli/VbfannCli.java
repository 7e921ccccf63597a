package org.vbfann.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vbfann} command: the entry point of the application. Subcommands are grouped by stage
 * (root, generate, dataset, nn, zx, stats, ...).
 */
@Command(name = "vbfann",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        header = "VBF H->ZZ->4l analysis with neural networks: ROOT I/O, training, Z+X, statistics.",
        description = {
            "vbfann reads ROOT ntuples, builds training datasets, trains and ranks neural networks, "
                + "estimates the Z+X background and runs the statistical analysis, in one tool.",
            "",
            "Add -x (--stacktrace) to any command to see the Java stack trace of an error."},
        subcommands = {
            RootCommand.class,
            GenerateCommand.class,
            DatasetCommand.class,
            NnCommand.class,
            StatsCommand.class,
            ZxCommand.class,
            DatacardsCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class VbfannCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-x", "--stacktrace"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print the Java stack trace of an error, not only its message.")
    boolean stacktrace;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line writing to the given streams; tests call this to run commands and read
     * their output and exit code.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new VbfannCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        addHelpOptions(cl);
        return cl;
    }

    /** Gives every subcommand {@code -h/--help} (and {@code -V/--version}), so no command class can forget them. */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            addHelpOptions(sub);
        }
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
