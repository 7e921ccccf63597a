package org.vbfann.app.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that map input ntuples to processes, as the guide's FormatROOTs did: files (or globs), the process
 * key of each file-name tag, and which keys are signal. Shared by {@code dataset build} and {@code datacards}.
 */
final class ProcessFilesOptions {
    @Option(names = "--files", required = true, split = ",", arity = "1..*", paramLabel = "FILE_OR_GLOB",
            description = "Input ROOT files or globs (quote them), e.g. 'histos*_25ns/output_*.root'.")
    List<String> files;

    @Option(names = "--keys", required = true, split = ",", arity = "1..*", paramLabel = "KEY",
            description = "The process key of each tag, in the order of --tags (repeat a key for several tags).")
    List<String> keys;

    @Option(names = "--tags", required = true, split = ",", arity = "1..*", paramLabel = "TAG",
            description = "File-path substrings identifying each key's files.")
    List<String> tags;

    @Option(names = "--signal", required = true, split = ",", arity = "1..*", paramLabel = "KEY",
            description = "The signal key(s), e.g. qqH; every other key is background.")
    List<String> signal;
}
