package org.vbfann.physics.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" text for an unknown name: the closest known names by edit distance. */
public final class Suggestions {
    private static final int MAX_SUGGESTIONS = 5;

    private Suggestions() {
    }

    /** {@code "; did you mean a, b?"}, or {@code ""} when nothing is close. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> close = closest(name, known);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** Known names within an edit distance of max(1, length/3) of {@code name} (case-insensitive), nearest first. */
    static List<String> closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, name.length() / 3);
        List<String> hits = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = kl.contains(lower) || lower.contains(kl) && kl.length() > 3 ? 1 : distance(lower, kl);
            if (d <= limit && !k.equals(name)) {
                hits.add(k);
                dist.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(dist::get).thenComparing(hits::get));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_SUGGESTIONS, order.size()); i++) {
            out.add(hits.get(order.get(i)));
        }
        return out;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
