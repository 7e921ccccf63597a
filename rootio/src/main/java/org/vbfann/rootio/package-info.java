/**
 * Reading (and, in {@code org.vbfann.rootio.write}, writing) CERN ROOT files in pure Java.
 *
 * <p>{@link org.vbfann.rootio.RootFile} opens a file and gives its directories, keys, histograms and trees;
 * {@link org.vbfann.rootio.TreeReader} reads tree branches as {@link org.vbfann.core.Column}s;
 * {@link org.vbfann.rootio.TreeChain} reads one tree over many files. Every error is a
 * {@link org.vbfann.rootio.RootIoException}: {@link org.vbfann.rootio.RootFormatException} for bytes that are not
 * valid ROOT, {@link org.vbfann.rootio.RootUnsupportedException} for valid content vbfann does not read,
 * {@link org.vbfann.rootio.RootNotFoundException} for a missing key or branch (with close matches), and
 * {@link org.vbfann.rootio.RootFileAccessException} for a file that cannot be read. See {@code docs/rootio.md}.
 */
package org.vbfann.rootio;
