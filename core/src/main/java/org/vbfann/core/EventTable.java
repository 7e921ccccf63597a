package org.vbfann.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of {@link Column}s with the same number of entries: the column store that readers fill
 * and that selections, features and training read.
 */
public final class EventTable {
    private final int entries;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    /** An empty table of {@code entries} rows. */
    public EventTable(int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0, got " + entries);
        }
        this.entries = entries;
    }

    /** A table of the given columns, which must all have the same number of entries. */
    public static EventTable of(int entries, List<Column> cols) {
        EventTable t = new EventTable(entries);
        for (Column c : cols) {
            t.add(c);
        }
        return t;
    }

    /**
     * Adds a column.
     *
     * @throws IllegalArgumentException if the name is taken or the entry count differs
     */
    public EventTable add(Column c) {
        if (c.entries() != entries) {
            throw new IllegalArgumentException("column '" + c.name() + "' has " + c.entries()
                    + " entries, table has " + entries);
        }
        if (columns.putIfAbsent(c.name(), c) != null) {
            throw new IllegalArgumentException("table already has a column '" + c.name() + "'");
        }
        return this;
    }

    /** Number of rows. */
    public int entries() {
        return entries;
    }

    /** Whether a column of this name exists. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * The column of this name.
     *
     * @throws IllegalArgumentException naming the known columns if there is none
     */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columns.keySet());
        }
        return c;
    }

    /** Column names in insertion order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
    }

    /** Columns in insertion order. */
    public List<Column> columns() {
        return Collections.unmodifiableList(new ArrayList<>(columns.values()));
    }
}
