package org.vbfann.ml;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Data-parallel gradients: each mini-batch is cut into one contiguous shard per thread, every thread
 * computes its shard's gradient into its own buffer, and the caller adds them in thread order, so the result
 * depends only on the seed and the thread count. Worker threads wait on barriers between batches (no task
 * objects per batch).
 */
final class ShardPool implements AutoCloseable {
    private final BatchGradient[] shards;
    private final Thread[] threads;
    private final CyclicBarrier start;
    private final CyclicBarrier end;
    private final double[] losses;
    private volatile boolean closed;
    private volatile Throwable failure;
    // The batch being computed; written by the caller before the start barrier, read by workers after it.
    private double[] params;
    private float[] x;
    private int[] labels;
    private double[] w;
    private int[] index;
    private int from;
    private int rows;
    private double norm;

    ShardPool(BatchGradient[] shards) {
        this.shards = shards;
        int n = shards.length;
        losses = new double[n];
        start = new CyclicBarrier(n);
        end = new CyclicBarrier(n);
        threads = new Thread[n - 1];
        for (int t = 1; t < n; t++) {
            Worker worker = new Worker(t);
            threads[t - 1] = new Thread(worker, "vbfann-train-" + t);
            threads[t - 1].setDaemon(true);
            threads[t - 1].start();
        }
    }

    private final class Worker implements Runnable {
        private final int id;

        Worker(int id) {
            this.id = id;
        }

        @Override
        public void run() {
            while (true) {
                if (!await(start) || closed) {
                    return;
                }
                try {
                    computeShard(id);
                } catch (Throwable t) {
                    failure = t;
                }
                if (!await(end)) {
                    return;
                }
            }
        }
    }

    private static boolean await(CyclicBarrier b) {
        try {
            b.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (BrokenBarrierException e) {
            return false;
        }
    }

    private void computeShard(int t) {
        int n = shards.length;
        int lo = (int) ((long) rows * t / n);
        int hi = (int) ((long) rows * (t + 1) / n);
        losses[t] = shards[t].compute(params, x, labels, w, index, from + lo, hi - lo, norm);
    }

    /**
     * Computes the gradient of events {@code index[from .. from + rows)} into {@code grad} (overwritten) and
     * returns the loss.
     */
    double compute(double[] p, float[] xs, int[] lab, double[] ws, int[] idx, int first, int count, double nrm,
            double[] grad) {
        params = p;
        x = xs;
        labels = lab;
        w = ws;
        index = idx;
        from = first;
        rows = count;
        norm = nrm;
        if (shards.length > 1 && !await(start)) {
            throw new MlException("training: worker threads were interrupted");
        }
        computeShard(0);
        if (shards.length > 1 && !await(end)) {
            throw new MlException("training: worker threads were interrupted");
        }
        if (failure != null) {
            throw new MlException("training: a worker thread failed: " + failure, failure);
        }
        double loss = 0;
        System.arraycopy(shards[0].grad, 0, grad, 0, grad.length);
        loss += losses[0];
        for (int t = 1; t < shards.length; t++) {
            double[] g = shards[t].grad;
            for (int i = 0; i < grad.length; i++) {
                grad[i] += g[i];
            }
            loss += losses[t];
        }
        return loss;
    }

    @Override
    public void close() {
        closed = true;
        if (shards.length > 1) {
            start.reset();
            for (Thread t : threads) {
                t.interrupt();
            }
        }
    }
}
