package org.vbfann.physics.gen;

import java.util.EnumMap;
import java.util.Map;
import org.vbfann.core.EventTable;

/**
 * A generated MC sample: its reduced-tree table and what the generator knows about it.
 *
 * @param tried            candidates generated to select {@code table.entries()} events
 * @param expectedSelected expected yield of all selected events (σ·BR·L·k·accepted/tried)
 * @param expected         expected yield per category, from the unweighted fraction of events in it
 * @param mcEvents         unweighted event count per category
 */
public record GeneratedSample(SampleSpec spec, EventTable table, long tried, double expectedSelected,
                              Map<Category, Double> expected, Map<Category, Integer> mcEvents) {
    static Map<Category, Double> emptyYields() {
        Map<Category, Double> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            m.put(c, 0.0);
        }
        return m;
    }
}
