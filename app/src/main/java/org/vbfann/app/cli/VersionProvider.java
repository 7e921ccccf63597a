package org.vbfann.app.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VbfannCli.class.getPackage().getImplementationVersion();
        return new String[] {"vbfann " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version")};
    }
}
