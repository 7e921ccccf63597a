package org.vbfann.stats;

/** A datacard that cannot be read: the message starts with {@code card.txt:LINE:}. */
public class DatacardException extends StatsException {
    private static final long serialVersionUID = 1L;

    /** An error at a line of a card. */
    public DatacardException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    /** An error about a whole card. */
    public DatacardException(String message) {
        super(message);
    }
}
