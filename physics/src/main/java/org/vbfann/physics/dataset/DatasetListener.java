package org.vbfann.physics.dataset;

/** Receives the progress of {@link DatasetBuilder#build}, one call per input file; {@code app} shows it. */
public interface DatasetListener {
    /** A listener that ignores everything. */
    DatasetListener NONE = (done, total, file, entries, selected) -> { };

    /**
     * Called after each file.
     *
     * @param done     files read so far
     * @param total    files to read
     * @param file     the file just read and its key
     * @param entries  its entries
     * @param selected how many passed the selection
     */
    void fileRead(int done, int total, FileAssignment file, long entries, long selected);
}
