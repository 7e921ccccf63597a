package org.vbfann.ml.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbfann.ml.Mlp;

/**
 * The contents of a {@code model.json}: the network and the two free-form records that travel with it, the
 * training configuration (or the origin of an imported model) and the evaluation metrics.
 *
 * @param model    the network, with its feature names and input scaling
 * @param training how the model was made (settings of the training, or the Keras files it was imported from)
 * @param metrics  figures of merit (AUC, ε·π, significance, ...), possibly empty
 */
public record ModelFile(Mlp model, ObjectNode training, ObjectNode metrics) {
    /** A model with empty training and metrics records. */
    public static ModelFile of(Mlp model) {
        return new ModelFile(model, JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());
    }
}
