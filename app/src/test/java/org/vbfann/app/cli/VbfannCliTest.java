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

    @Test
    void everyCommandHasHelp() {
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(VbfannCli.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.poll();
            java.util.List<String> path = new java.util.ArrayList<>();
            for (picocli.CommandLine p = c; p.getParent() != null; p = p.getParent()) {
                path.add(0, p.getCommandName());
            }
            path.add("--help");
            // picocli reports a help text it cannot format (an unescaped %) on System.err
            java.io.PrintStream stderr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            CliRunner.Result r;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                r = CliRunner.run(path.toArray(new String[0]));
            } finally {
                System.setErr(stderr);
            }
            assertEquals(0, r.exitCode(), String.join(" ", path) + ": " + r.err());
            assertTrue(r.out().contains("Usage: vbfann"), String.join(" ", path) + ": " + r.out());
            assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), String.join(" ", path));
            todo.addAll(c.getSubcommands().values());
        }
    }
}
