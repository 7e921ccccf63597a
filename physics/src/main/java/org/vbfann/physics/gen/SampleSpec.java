package org.vbfann.physics.gen;

/**
 * One simulated sample: a dataset of a process in a final state, with the number of events to store.
 *
 * @param stream the id of the sample's random stream (fixed per sample, so results do not depend on order or threads)
 */
public record SampleSpec(Process process, Process.Dataset dataset, FinalState finalState, int events, long stream) {
    /** The dataset name, e.g. {@code VBF_HToZZTo4L_M125_13TeV_powheg2_JHUgenV6_pythia8}. */
    public String datasetName() {
        return dataset.name(finalState);
    }
}
