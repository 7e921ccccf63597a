package org.vbfann.physics.gen;

/** Progress of a generator run, reported once per finished file; the app turns it into a progress bar. */
public interface GeneratorListener {
    /** {@code done} of {@code total} files are finished; {@code what} names the last one. */
    void progress(int done, int total, String what);

    /** A listener that ignores progress. */
    GeneratorListener NONE = (done, total, what) -> { };
}
