package org.vbfann.ml.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.vbfann.ml.MlException;

/**
 * Runs the configurations of a scan on a fixed number of worker threads. Configurations already finished (as the
 * caller's {@link Task#isDone} says) are skipped, which makes a scan resumable; a configuration that throws is
 * recorded as failed with its message and the others go on.
 */
public final class ScanRunner {
    /** What became of a configuration. */
    public enum Status {
        /** Trained in this run. */
        DONE,
        /** Finished in an earlier run, not trained again. */
        SKIPPED,
        /** Threw; see {@link Outcome#error()}. */
        FAILED
    }

    /**
     * The end of one configuration.
     *
     * @param point   the configuration
     * @param status  what happened
     * @param error   the failure's message (null unless FAILED)
     * @param seconds wall time spent on it
     */
    public record Outcome(ScanPoint point, Status status, String error, double seconds) {
    }

    /** The work of one configuration. */
    public interface Task {
        /** Whether the configuration's result already exists. */
        boolean isDone(ScanPoint p);

        /** Trains the configuration and stores its result. */
        void run(ScanPoint p) throws Exception;
    }

    private ScanRunner() {
    }

    /**
     * Runs every point not yet done on {@code jobs} threads.
     *
     * @return one outcome per point, in the points' order
     */
    public static List<Outcome> run(List<ScanPoint> points, int jobs, Task task, ScanListener listener) {
        if (jobs < 1) {
            throw new MlException("scan: jobs must be >= 1, got " + jobs);
        }
        AtomicInteger finished = new AtomicInteger();
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "vbfann-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (ScanPoint p : points) {
                futures.add(pool.submit(() -> {
                    Outcome o = runOne(p, task);
                    synchronized (lock) {
                        listener.configurationEnded(finished.incrementAndGet(), points.size(), o);
                    }
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlException("scan: interrupted", e);
        } catch (ExecutionException e) {
            throw new MlException("scan: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome runOne(ScanPoint p, Task task) {
        long t0 = System.nanoTime();
        if (task.isDone(p)) {
            return new Outcome(p, Status.SKIPPED, null, 0);
        }
        try {
            task.run(p);
            return new Outcome(p, Status.DONE, null, (System.nanoTime() - t0) * 1e-9);
        } catch (Exception | StackOverflowError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(p, Status.FAILED, m, (System.nanoTime() - t0) * 1e-9);
        }
    }
}
