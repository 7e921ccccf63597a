package org.vbfann.app.cli;

import picocli.CommandLine.Option;

/** The {@code --method} option of the commands that offer only the asymptotic method so far. */
final class AsymptoticMethodOption {
    @Option(names = {"-M", "--method"}, paramLabel = "<method>", defaultValue = "asymptotic",
            description = "The method; only 'asymptotic' is available. Default: ${DEFAULT-VALUE}.")
    String method;

    /** Fails with a usage error for any other method. */
    void check() {
        if (!method.equalsIgnoreCase("asymptotic") && !method.equalsIgnoreCase("AsymptoticLimits")) {
            throw new CommandFailedException("--method " + method + " is not available; use --method asymptotic",
                    ExitCodes.USAGE);
        }
    }
}
