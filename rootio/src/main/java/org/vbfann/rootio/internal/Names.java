package org.vbfann.rootio.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the names closest to a misspelt one, for "did you mean" lists in error messages. */
public final class Names {
    private Names() {
    }

    /**
     * Up to {@code max} of {@code names} close to {@code query}, best first: those within an edit distance of
     * a third of the query length (at least 2), or containing it or contained in it, ignoring case.
     */
    public static List<String> closest(String query, Collection<String> names, int max) {
        String q = query.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, q.length() / 3);
        List<String> out = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            int d = distance(q, l);
            boolean contains = !q.isEmpty() && (l.contains(q) || q.contains(l) && !l.isEmpty());
            if ((d <= limit || contains) && !out.contains(n)) {
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

    /** The suffix of a not-found message: "; closest: a, b" or "; available: ..." (at most 12 names). */
    public static String suggestion(List<String> closest, Collection<String> all) {
        if (!closest.isEmpty()) {
            return "; closest: " + String.join(", ", closest);
        }
        if (all.isEmpty()) {
            return "; there are none";
        }
        List<String> some = new ArrayList<>(all).subList(0, Math.min(12, all.size()));
        return "; available: " + String.join(", ", some) + (all.size() > 12 ? ", ..." : "");
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
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
