package org.vbfann.physics.gen;

import java.util.List;
import org.vbfann.core.EventTable;

/**
 * One ROOT file of a generator run: its path relative to the output folder (the original layout, e.g.
 * {@code histos4mu_25ns/output_<dataset>.root}) and its trees.
 */
public record OutputFile(String relativePath, List<Tree> trees) {
    /** One tree: name, title, branch layout and contents. */
    public record Tree(String name, String title, List<NtupleSchema.Branch> branches, EventTable table) {
    }
}
