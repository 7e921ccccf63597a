package org.vbfann.physics.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input file with the process key its name maps to and the final state its path names.
 *
 * <p>Keys and tags pair up by position, as in the guide's FormatROOTs ({@code --keys qqH ggZZ ggZZ --tags VBF_H
 * ContinToZZTo4e ContinToZZTo4mu}): a file belongs to the key of every tag that is a substring of its path, and
 * several files (and several tags) may share a key. Where the guide let the last matching tag win and skipped
 * files matching none, a file matching tags of two different keys is an error here (it would be counted twice
 * or in the wrong process), and so is a file matching no tag (it was given for a reason).
 *
 * @param file       the input file
 * @param key        its process key
 * @param tag        the tag that matched
 * @param finalState {@code 4mu}, {@code 4e}, {@code 2e2mu}, or {@code ""} when the path names none
 */
public record FileAssignment(Path file, String key, String tag, String finalState) {
    /** The final states in the order of their ids in the dataset's {@code final_state} column. */
    public static final List<String> FINAL_STATES = List.of("4mu", "4e", "2e2mu");

    /**
     * Maps each file to its key.
     *
     * @throws DatasetException if keys and tags differ in number, or a file matches no tag or tags of two keys
     */
    public static List<FileAssignment> assign(List<Path> files, List<String> keys, List<String> tags) {
        if (keys.size() != tags.size()) {
            throw new DatasetException(keys.size() + " keys " + keys + " but " + tags.size() + " tags " + tags
                    + "; give one key per tag (repeat a key for several tags)");
        }
        if (files.isEmpty()) {
            throw new DatasetException("no input files");
        }
        List<FileAssignment> out = new ArrayList<>();
        for (Path f : files) {
            String path = f.toString();
            int hit = -1;
            for (int t = 0; t < tags.size(); t++) {
                if (!path.contains(tags.get(t))) {
                    continue;
                }
                if (hit >= 0 && !keys.get(hit).equals(keys.get(t))) {
                    throw new DatasetException(path + ": matches tag '" + tags.get(hit) + "' (key " + keys.get(hit)
                            + ") and tag '" + tags.get(t) + "' (key " + keys.get(t)
                            + "); its events would be counted twice; make the tags more specific");
                }
                hit = t;
            }
            if (hit < 0) {
                throw new DatasetException(path + ": matches none of the tags " + tags
                        + "; add a tag (and its key) for it or leave the file out");
            }
            out.add(new FileAssignment(f, keys.get(hit), tags.get(hit), finalState(path)));
        }
        return out;
    }

    /**
     * The final state named in a path ({@code histos4mu_25ns/...}, spec §1.1): {@code 2e2mu} is tested first since
     * its name contains the others' letters; {@code ""} if none appears.
     */
    static String finalState(String path) {
        if (path.contains("2e2mu")) {
            return "2e2mu";
        }
        if (path.contains("4mu")) {
            return "4mu";
        }
        return path.contains("4e") ? "4e" : "";
    }

    /** The id of the final state in {@link #FINAL_STATES}, −1 for none. */
    public int finalStateId() {
        return FINAL_STATES.indexOf(finalState);
    }
}
