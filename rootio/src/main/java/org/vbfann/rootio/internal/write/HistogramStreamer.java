package org.vbfann.rootio.internal.write;

import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

/**
 * Serializes histograms as TH1D/TH1F/TH2D/TH2F (TH1::Streamer layout of TH1 version 8, TH2 version 5), with
 * ROOT's default graphics attributes and the statistics sums ROOT would hold after setting the bin contents
 * (TH1::ResetStats: sums over the in-range cells at the bin centres).
 */
public final class HistogramStreamer {
    // Defaults of a new histogram (TAttLine, TAttFill, TAttMarker, TAttAxis constructors with gStyle's defaults).
    private static final int LINE_COLOR = 602;
    private static final int FILL_STYLE = 1001;
    private static final int AXIS_DIVISIONS = 510;
    private static final int FONT = 42;
    private static final float LABEL_OFFSET = 0.005f;
    private static final float LABEL_SIZE = 0.035f;
    private static final float TICK_LENGTH = 0.03f;
    private static final float TITLE_SIZE = 0.035f;
    /** Unset minimum/maximum (TH1.cxx: fMaximum = fMinimum = -1111). */
    private static final double UNSET = -1111;
    /** TH1::kNeutral: statistics follow the global setting (TH1.h EStatOverflows). */
    private static final int STAT_OVERFLOWS_NEUTRAL = 2;
    /** fBarWidth default 1000 (TH1.cxx). */
    private static final int BAR_WIDTH = 1000;

    private HistogramStreamer() {
    }

    /** The ROOT class a 1-d histogram is written as. */
    public static String className1D(boolean asFloat) {
        return asFloat ? "TH1F" : "TH1D";
    }

    /** The ROOT class a 2-d histogram is written as. */
    public static String className2D(boolean asFloat) {
        return asFloat ? "TH2F" : "TH2D";
    }

    /** A TH1D or TH1F, for a key whose header is {@code keyLength} bytes. */
    public static byte[] serialize(Histogram1D h, String name, boolean asFloat, int keyLength) {
        RootBuffer b = new RootBuffer(512 + 24 * h.axis().bins(), keyLength);
        double[] w = h.contents();
        double[] w2 = h.sumw2();
        Axis x = h.axis();
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double swx2 = 0;
        for (int i = 1; i <= x.bins(); i++) {
            double c = x.center(i);
            sw += w[i];
            sw2 += w2[i];
            swx += w[i] * c;
            swx2 += w[i] * c * c;
        }
        int top = b.startVersioned(StreamerInfos.version(className1D(asFloat)));
        int th1 = b.startVersioned(StreamerInfos.version("TH1"));
        writeTH1(b, name, h.title(), w.length, x, Axis.uniform(1, 0, 1, h.yTitle()), Axis.uniform(1, 0, 1, ""),
                h.entries(), sw, sw2, swx, swx2, w2);
        b.endObject(th1);
        writeCells(b, w, asFloat);
        b.endObject(top);
        return b.toByteArray();
    }

    /** A TH2D or TH2F, for a key whose header is {@code keyLength} bytes. */
    public static byte[] serialize(Histogram2D h, String name, boolean asFloat, int keyLength) {
        Axis x = h.xAxis();
        Axis y = h.yAxis();
        double[] w = h.contents();
        double[] w2 = h.sumw2();
        RootBuffer b = new RootBuffer(512 + 24 * w.length, keyLength);
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double swx2 = 0;
        double swy = 0;
        double swy2 = 0;
        double swxy = 0;
        for (int iy = 1; iy <= y.bins(); iy++) {
            double cy = y.center(iy);
            for (int ix = 1; ix <= x.bins(); ix++) {
                double cx = x.center(ix);
                int c = h.cell(ix, iy);
                sw += w[c];
                sw2 += w2[c];
                swx += w[c] * cx;
                swx2 += w[c] * cx * cx;
                swy += w[c] * cy;
                swy2 += w[c] * cy * cy;
                swxy += w[c] * cx * cy;
            }
        }
        int top = b.startVersioned(StreamerInfos.version(className2D(asFloat)));
        int th2 = b.startVersioned(StreamerInfos.version("TH2"));
        int th1 = b.startVersioned(StreamerInfos.version("TH1"));
        writeTH1(b, name, h.title(), w.length, x, y, Axis.uniform(1, 0, 1, h.zTitle()), h.entries(), sw, sw2, swx,
                swx2, w2);
        b.endObject(th1);
        b.f64(1.0);   // fScalefactor
        b.f64(swy);
        b.f64(swy2);
        b.f64(swxy);
        b.endObject(th2);
        writeCells(b, w, asFloat);
        b.endObject(top);
        return b.toByteArray();
    }

    private static void writeTH1(RootBuffer b, String name, String title, int ncells, Axis x, Axis y, Axis z,
                                 double entries, double sw, double sw2, double swx, double swx2, double[] sumw2) {
        b.tnamed(name, title, RootBuffer.TOBJECT_BITS);
        int line = b.startVersioned(StreamerInfos.version("TAttLine"));
        b.i16(LINE_COLOR).i16(1).i16(1);
        b.endObject(line);
        int fill = b.startVersioned(StreamerInfos.version("TAttFill"));
        b.i16(0).i16(FILL_STYLE);
        b.endObject(fill);
        int marker = b.startVersioned(StreamerInfos.version("TAttMarker"));
        b.i16(1).i16(1).f32(1.0f);
        b.endObject(marker);
        b.i32(ncells);
        writeAxis(b, "xaxis", x);
        writeAxis(b, "yaxis", y);
        writeAxis(b, "zaxis", z);
        b.i16(0);   // fBarOffset
        b.i16(BAR_WIDTH);
        b.f64(entries);
        b.f64(sw);
        b.f64(sw2);
        b.f64(swx);
        b.f64(swx2);
        b.f64(UNSET);
        b.f64(UNSET);
        b.f64(0);   // fNormFactor
        b.i32(0);   // fContour: empty TArrayD
        b.i32(sumw2.length);
        for (double v : sumw2) {
            b.f64(v);
        }
        b.tstring("");   // fOption
        // fFunctions: an empty TList; a "->" pointer (kObjectp) is streamed in place, without a class tag
        int list = b.startVersioned(StreamerInfos.version("TList"));
        b.tobject(RootBuffer.TOBJECT_BITS);
        b.tstring("");
        b.i32(0);
        b.endObject(list);
        b.i32(0);   // fBufferSize
        b.u8(0);    // fBuffer: null array
        b.i32(0);   // fBinStatErrOpt: kNormal
        b.i32(STAT_OVERFLOWS_NEUTRAL);
    }

    private static void writeAxis(RootBuffer b, String name, Axis a) {
        int axis = b.startVersioned(StreamerInfos.version("TAxis"));
        b.tnamed(name, a.title(), RootBuffer.TOBJECT_BITS);
        int att = b.startVersioned(StreamerInfos.version("TAttAxis"));
        b.i32(AXIS_DIVISIONS);
        b.i16(1).i16(1).i16(FONT);
        b.f32(LABEL_OFFSET).f32(LABEL_SIZE).f32(TICK_LENGTH).f32(1.0f).f32(TITLE_SIZE);
        b.i16(1).i16(FONT);
        b.endObject(att);
        b.i32(a.bins());
        b.f64(a.min());
        b.f64(a.max());
        if (a.isVariable()) {
            double[] e = a.edges();
            b.i32(e.length);
            for (double v : e) {
                b.f64(v);
            }
        } else {
            b.i32(0);
        }
        b.i32(0);   // fFirst
        b.i32(0);   // fLast
        b.i16(0);   // fBits2
        b.bool(false);   // fTimeDisplay
        b.tstring("");   // fTimeFormat
        b.nullPointer();   // fLabels
        b.nullPointer();   // fModLabs
        b.endObject(axis);
    }

    private static void writeCells(RootBuffer b, double[] w, boolean asFloat) {
        b.i32(w.length);
        for (double v : w) {
            if (asFloat) {
                b.f32((float) v);
            } else {
                b.f64(v);
            }
        }
    }
}
