package org.vbfann.rootio.internal;

import java.util.ArrayList;
import java.util.List;
import org.vbfann.rootio.RootUnsupportedException;
import org.vbfann.rootio.internal.Models.ObjList;
import org.vbfann.rootio.internal.Models.ObjString;

/**
 * TH1 / TH2 / TProfile and their TAxis, read by class version (hist/hist/src/TH1.cxx, TH2.cxx, TProfile.cxx,
 * TAxis.cxx Streamer methods). Members after fSumw2 (fOption, fFunctions, fBuffer, ...) are skipped with
 * the byte count.
 */
public final class THModels {
    private THModels() {
    }

    /** A bin label: TAxis keeps TObjStrings whose fUniqueID is the bin number. */
    public record Label(int bin, String text) {
    }

    /** A TAxis. {@code edges} is empty for a uniform axis. */
    public record AxisModel(String name, String title, int nbins, double xmin, double xmax, double[] edges,
                            List<Label> labels) {
    }

    /** A TH1/TH2/TProfile: TH1's members, the cell array and the class-specific statistics. */
    public record HistModel(String className, String name, String title, int ncells, AxisModel x, AxisModel y,
                            AxisModel z, double entries, double tsumw, double tsumw2, double tsumwx,
                            double tsumwx2, double maximum, double minimum, double normFactor, double[] sumw2,
                            double[] contents, double[] tsumwy3, ProfileModel profile) {
        /** 1, 2 or 3 from the class name. */
        public int dimension() {
            return className.startsWith("TH2") || className.startsWith("TProfile2") ? 2
                    : className.startsWith("TH3") || className.startsWith("TProfile3") ? 3 : 1;
        }
    }

    /** TProfile's own members. */
    public record ProfileModel(double[] binEntries, int errorMode, double ymin, double ymax, double tsumwy,
                               double tsumwy2, double[] binSumw2) {
    }

    /** Reads a histogram payload of class {@code className}. */
    public static HistModel read(Cursor c, String className) {
        switch (className) {
            case "TH1F", "TH1D", "TH1I", "TH1S", "TH1C", "TH2F", "TH2D", "TH2I", "TH2S", "TH2C", "TProfile":
                break;
            default:
                throw new RootUnsupportedException(c.chunk().where() + ": histogram class " + className
                        + " is not supported (TH1F/D/I/S/C, TH2F/D/I/S/C and TProfile are)");
        }
        if (className.equals("TProfile")) {
            ObjectHeader h = ObjectHeader.read(c, className);
            HistModel base = read(c, "TH1D");
            double[] binEntries = arrayD(c);
            int errorMode = c.i32();
            double ymin = c.f64();
            double ymax = c.f64();
            double tsumwy = c.f64();
            double tsumwy2 = c.f64();
            double[] binSumw2 = h.hasEnd() && c.position() < h.end() ? arrayD(c) : new double[0];   // fBinSumw2 since v6
            h.skip(c);
            ProfileModel p = new ProfileModel(binEntries, errorMode, ymin, ymax, tsumwy, tsumwy2, binSumw2);
            return new HistModel(className, base.name(), base.title(), base.ncells(), base.x(), base.y(), base.z(),
                    base.entries(), base.tsumw(), base.tsumw2(), base.tsumwx(), base.tsumwx2(), base.maximum(),
                    base.minimum(), base.normFactor(), base.sumw2(), base.contents(), base.tsumwy3(), p);
        }
        ObjectHeader h = ObjectHeader.read(c, className);
        boolean twoD = className.startsWith("TH2");
        HistModel base;
        double[] y3 = new double[0];
        if (twoD) {
            ObjectHeader h2 = ObjectHeader.read(c, "TH2");
            base = readTH1(c);
            c.f64();   // fScalefactor
            y3 = new double[] {c.f64(), c.f64(), c.f64()};   // fTsumwy, fTsumwy2, fTsumwxy
            h2.skip(c);
        } else {
            base = readTH1(c);
        }
        double[] cells = cells(c, className.charAt(3));
        h.skip(c);
        long expectedCells = (long) (base.x().nbins() + 2) * (twoD ? base.y().nbins() + 2 : 1);
        if (base.ncells() != expectedCells) {
            throw c.fail(className + " '" + base.name() + "' has fNcells " + base.ncells() + ", its axes give "
                    + expectedCells);
        }
        if (cells.length != base.ncells()) {
            throw c.fail(className + " '" + base.name() + "' has " + cells.length + " cells, fNcells says "
                    + base.ncells());
        }
        return new HistModel(className, base.name(), base.title(), base.ncells(), base.x(), base.y(), base.z(),
                base.entries(), base.tsumw(), base.tsumw2(), base.tsumwx(), base.tsumwx2(), base.maximum(),
                base.minimum(), base.normFactor(), base.sumw2(), cells, y3, null);
    }

    private static HistModel readTH1(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TH1");
        if (h.version() < 5) {
            throw new RootUnsupportedException(c.chunk().where() + ": TH1 class version " + h.version()
                    + " is not supported; versions 5 to 8 are");
        }
        String[] named = ObjectReader.readTNamed(c);
        ObjectReader.skipMember(c, "TAttLine");
        ObjectReader.skipMember(c, "TAttFill");
        ObjectReader.skipMember(c, "TAttMarker");
        int ncells = c.i32();
        AxisModel x = readAxis(c);
        AxisModel y = readAxis(c);
        AxisModel z = readAxis(c);
        c.i16();   // fBarOffset
        c.i16();   // fBarWidth
        double entries = c.f64();
        double tsumw = c.f64();
        double tsumw2 = c.f64();
        double tsumwx = c.f64();
        double tsumwx2 = c.f64();
        double maximum = c.f64();
        double minimum = c.f64();
        double normFactor = c.f64();
        arrayD(c);   // fContour
        double[] sumw2 = arrayD(c);
        h.skip(c);
        return new HistModel("TH1", named[0], named[1], ncells, x, y, z, entries, tsumw, tsumw2, tsumwx, tsumwx2,
                maximum, minimum, normFactor, sumw2, null, null, null);
    }

    private static AxisModel readAxis(Cursor c) {
        ObjectHeader h = ObjectHeader.read(c, "TAxis");
        String[] named = ObjectReader.readTNamed(c);
        ObjectReader.skipMember(c, "TAttAxis");
        int nbins = c.i32();
        double xmin = c.f64();
        double xmax = c.f64();
        double[] edges = arrayD(c);
        c.i32();   // fFirst
        c.i32();   // fLast
        c.u16();   // fBits2
        c.bool();  // fTimeDisplay
        c.string();   // fTimeFormat
        List<Label> labels = new ArrayList<>();
        if (h.version() >= 9 && (!h.hasEnd() || c.position() < h.end())) {
            Object l = ObjectReader.readObjectAny(c);
            if (l instanceof ObjList list) {
                for (Object o : list.items()) {
                    if (o instanceof ObjString s) {
                        labels.add(new Label((int) s.uniqueId(), s.value()));
                    }
                }
            }
        }
        h.skip(c);
        if (nbins < 1) {
            throw c.fail("axis '" + named[0] + "' has " + nbins + " bins");
        }
        return new AxisModel(named[0], named[1], nbins, xmin, xmax, edges, List.copyOf(labels));
    }

    static double[] arrayD(Cursor c) {
        return c.f64Array(c.count("TArrayD", 8));
    }

    /** The TArrayF/D/I/S/C after TH1 or TH2, widened to double; {@code kind} is the class name's 4th letter. */
    private static double[] cells(Cursor c, char kind) {
        int size = switch (kind) {
            case 'D' -> 8;
            case 'F', 'I' -> 4;
            case 'S' -> 2;
            default -> 1;
        };
        int n = c.count("TArray" + kind, size);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (kind) {
                case 'D' -> c.f64();
                case 'F' -> c.f32();
                case 'I' -> c.i32();
                case 'S' -> c.i16();
                default -> c.i8();
            };
        }
        return out;
    }
}
