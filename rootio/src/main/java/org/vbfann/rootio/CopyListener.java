package org.vbfann.rootio;

/** Receives the progress of a {@link TreeCopier} copy, one call per branch written; {@code app} shows it. */
public interface CopyListener {
    /** A listener that ignores everything. */
    CopyListener NONE = (done, total, branch) -> { };

    /**
     * Called after each branch.
     *
     * @param done   branches written so far
     * @param total  branches to write (copied and added)
     * @param branch the branch just written
     */
    void branchWritten(int done, int total, String branch);
}
