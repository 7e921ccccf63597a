package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VbfannCliTest {
    @Test
    void helpListsTheRootCommand() {
        CliRunner.Result r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("root"), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }
}
