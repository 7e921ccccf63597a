package org.vbfann.app.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.vbfann.stats.AsymptoticCalculator;
import org.vbfann.stats.DatacardModel;
import org.vbfann.stats.DatacardModelBuilder;
import org.vbfann.stats.Fitter;
import org.vbfann.stats.Interpolation;
import org.vbfann.stats.LikelihoodModel;
import org.vbfann.stats.PyhfWorkspaceReader;
import org.vbfann.stats.RootShapeSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The input of every stats command: a Combine datacard (Combine conventions) or a pyhf JSON workspace (pyhf
 * conventions), with the options that shape the model.
 */
final class StatsModelOptions {
    static final class Input {
        @Option(names = "--datacard", paramLabel = "<card.txt>", required = true,
                description = "A CMS Combine text datacard; shapes are read from the ROOT files it names.")
        Path datacard;

        @Option(names = "--workspace", paramLabel = "<ws.json>", required = true,
                description = "A pyhf JSON workspace (or a reference case that wraps one).")
        Path workspace;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = {"-m", "--mass"}, paramLabel = "<mass>", defaultValue = DatacardModelBuilder.COMBINE_DEFAULT_MASS,
            description = "The value of $MASS in shapes lines (Combine's -m). Default: ${DEFAULT-VALUE}.")
    String mass;

    @Option(names = "--rmin", paramLabel = "<r>", description = "Lower bound of the POI (datacards: default 0, like Combine's --rMin).")
    Double rMin;

    @Option(names = "--rmax", paramLabel = "<r>", description = "Upper bound of the POI (datacards: default 20, like Combine's --rMax).")
    Double rMax;

    @Option(names = {"-S0", "--no-systematics"}, description = "Drop all systematics (Combine's -S 0).")
    boolean noSystematics;

    @Option(names = "--normsys-interp", paramLabel = "<code>",
            description = "pyhf normsys interpolation: code1 or code4 (default: the file's, else code4 as pyhf.Model).")
    String normsysInterp;

    @Option(names = "--histosys-interp", paramLabel = "<code>",
            description = "pyhf histosys interpolation: code0, code2 or code4p (default: the file's, else code4p).")
    String histosysInterp;

    @Option(names = "--measurement", paramLabel = "<name>", description = "pyhf measurement to use (default: the first).")
    String measurement;

    /** A model read from the command line, with the conventions of its format. */
    record Loaded(LikelihoodModel model, boolean combine, AsymptoticCalculator.TestStatistic fileTestStatistic,
                  List<String> nuisances, Map<String, List<String>> groups, String source) {
        /** The asymptotic convention of the format. */
        AsymptoticCalculator.Convention convention() {
            return combine ? AsymptoticCalculator.Convention.COMBINE : AsymptoticCalculator.Convention.PYHF;
        }

        /** The name of the POI. */
        String poiName() {
            return model.parameterName(model.poi());
        }
    }

    Loaded load() {
        Path file = input.datacard != null ? input.datacard : input.workspace;
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new NoSuchFileException(file.toString()));
        }
        if (input.datacard != null) {
            DatacardModel dm;
            try (RootShapeSource shapes = new RootShapeSource()) {
                dm = datacardBuilder(shapes).build(file);
            }
            return new Loaded(dm.model(), true, null, dm.nuisances(), dm.groups(), file.toString());
        }
        PyhfWorkspaceReader r = new PyhfWorkspaceReader();
        if (normsysInterp != null) {
            r.normsysCode(Interpolation.ofPyhfName(normsysInterp));
        }
        if (histosysInterp != null) {
            r.histosysCode(Interpolation.ofPyhfName(histosysInterp));
        }
        if (measurement != null) {
            r.measurement(measurement);
        }
        LikelihoodModel m = r.read(file);
        if (noSystematics) {
            throw new CommandFailedException("--no-systematics applies to datacards only", ExitCodes.USAGE);
        }
        List<String> nuis = new java.util.ArrayList<>();
        for (int p = 0; p < m.parameterCount(); p++) {
            if (m.isConstrained(p) && !m.fixedParameters()[p]) {
                nuis.add(m.parameterName(p));
            }
        }
        AsymptoticCalculator.TestStatistic ts = r.testStatistic() == null ? null
                : AsymptoticCalculator.TestStatistic.ofPyhfName(r.testStatistic());
        return new Loaded(m, false, ts, nuis, Map.of(), file.toString());
    }

    /** A datacard model builder with --mass, --rmin/--rmax and --no-systematics applied. */
    DatacardModelBuilder datacardBuilder(RootShapeSource shapes) {
        DatacardModelBuilder b = new DatacardModelBuilder(shapes).mass(mass);
        if (rMin != null || rMax != null) {
            b.rRange(rMin == null ? DatacardModelBuilder.COMBINE_R_MIN : rMin,
                    rMax == null ? DatacardModelBuilder.COMBINE_R_MAX : rMax);
        }
        if (noSystematics) {
            b.withoutSystematics();
        }
        return b;
    }

    /** A fitter of the loaded model, with --rmin/--rmax applied to a workspace's POI too. */
    Fitter fitter(Loaded l) {
        Fitter f = new Fitter(l.model());
        if (!l.combine() && (rMin != null || rMax != null)) {
            int p = l.model().poi();
            f.setBounds(p, rMin == null ? f.lower(p) : rMin, rMax == null ? f.upper(p) : rMax);
        }
        return f;
    }
}
