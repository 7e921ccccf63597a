package org.vbfann.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names closest to a misspelt one, for the "did you mean" part of error messages (unknown branch, key,
 * column, option value). One place, so every module suggests the same way.
 */
public final class NameSuggestions {
    private static final int DID_YOU_MEAN_MAX = 5;
    private static final int AVAILABLE_MAX = 12;

    private NameSuggestions() {
    }

    /**
     * Up to {@code max} of {@code names} close to {@code query}, best first: those within an edit distance of a
     * third of the query length (at least 1), or containing it or contained in it, ignoring case. The query
     * itself is never suggested.
     */
    public static List<String> closest(String query, Collection<String> names, int max) {
        String q = query.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, q.length() / 3);
        List<String> out = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            int d = distance(q, l);
            boolean contains = !q.isEmpty() && (l.contains(q) || q.contains(l) && !l.isEmpty());
            if ((d <= limit || contains) && !n.equals(query) && !out.contains(n)) {
                out.add(n);
                dist.add(contains ? Math.min(d, limit) : d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(dist::get));
        List<String> sorted = new ArrayList<>();
        for (int i = 0; i < Math.min(max, order.size()); i++) {
            sorted.add(out.get(order.get(i)));
        }
        return sorted;
    }

    /** {@code "; did you mean a, b?"}, or {@code ""} when no known name is close. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> close = closest(name, known, DID_YOU_MEAN_MAX);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** The suffix of a not-found message: {@code "; closest: a, b"}, else {@code "; available: ..."} (12 at most). */
    public static String closestOrAvailable(List<String> closest, Collection<String> all) {
        if (!closest.isEmpty()) {
            return "; closest: " + String.join(", ", closest);
        }
        if (all.isEmpty()) {
            return "; there are none";
        }
        List<String> some = new ArrayList<>(all).subList(0, Math.min(AVAILABLE_MAX, all.size()));
        return "; available: " + String.join(", ", some) + (all.size() > AVAILABLE_MAX ? ", ..." : "");
    }

    /**
     * Edit distance between {@code a} and {@code b} counting insertions, deletions, substitutions and swaps of two
     * neighbouring characters (optimal string alignment), so the common typo {@code tow} for {@code two} is 1.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
