package org.vbfann.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {
    private static final List<String> BRANCHES = List.of("Muon_Px", "Muon_Py", "Muon_Pz", "Muon_E", "NMuon", "Jet_Px");

    @Test
    void closestNamesComeFirstIgnoringCase() {
        assertEquals(List.of("Muon_Px", "Muon_Py", "Muon_Pz", "Muon_E"), NameSuggestions.closest("Muon_PX", BRANCHES, 4));
        assertEquals(List.of("NMuon"), NameSuggestions.closest("nmuon2", List.of("NMuon", "Electron_E"), 5));
    }

    @Test
    void messagesSayWhatIsClose() {
        assertEquals("; did you mean f_mass4l?", NameSuggestions.didYouMean("f_mas4l", List.of("f_mass4l", "f_njets_pass")));
        assertEquals("", NameSuggestions.didYouMean("zzz", List.of("f_mass4l")));
        assertEquals("; available: a, b", NameSuggestions.closestOrAvailable(List.of(), List.of("a", "b")));
        assertEquals("; there are none", NameSuggestions.closestOrAvailable(List.of(), List.of()));
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertEquals(1, NameSuggestions.distance("tow", "two"));
        assertEquals(3, NameSuggestions.distance("kitten", "sitting"));
        assertEquals(0, NameSuggestions.distance("", ""));
        assertEquals(4, NameSuggestions.distance("", "abcd"));
    }
}
