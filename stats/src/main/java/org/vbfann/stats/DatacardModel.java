package org.vbfann.stats;

import java.util.List;
import java.util.Map;

/**
 * A datacard turned into a likelihood, with what the commands need beyond it.
 *
 * @param card       the parsed card
 * @param model      the likelihood (Combine conventions)
 * @param nuisances  the names of the constrained nuisance parameters in card order (for impacts and pulls)
 * @param groups     nuisance groups by name
 */
public record DatacardModel(Datacard card, LikelihoodModel model, List<String> nuisances,
                            Map<String, List<String>> groups) {
}
