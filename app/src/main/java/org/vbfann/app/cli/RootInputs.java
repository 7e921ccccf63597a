package org.vbfann.app.cli;

import java.nio.file.Path;

/** Shared by the {@code root} subcommands: splitting {@code FILE:PATH}, JSON output. */
final class RootInputs {
    private RootInputs() {
    }

    /** A {@code FILE:PATH} argument. */
    record FileAndPath(Path file, String path) {
    }

    /**
     * Splits {@code FILE:PATH} at the last colon.
     *
     * @throws CommandFailedException (usage) if there is no colon or either side is empty
     */
    static FileAndPath split(String arg, String what) {
        int colon = arg.lastIndexOf(':');
        if (colon <= 0 || colon == arg.length() - 1) {
            throw new CommandFailedException("'" + arg + "': expected FILE:" + what + ", e.g. data.root:" 
                    + (what.equals("TREE") ? "events" : "hpx"), ExitCodes.USAGE);
        }
        return new FileAndPath(Path.of(arg.substring(0, colon)), arg.substring(colon + 1));
    }


    /** A ROOT version number such as 62004 as {@code 6.20/04}. */
    static String rootVersion(int v) {
        return (v / 10000) + "." + String.format("%02d", (v / 100) % 100) + "/" + String.format("%02d", v % 100);
    }
}
