#!/usr/bin/env python3
"""PyTorch side of torch-vs-vbfann.sh: the same data, network, optimizer, batch size and thread count as
org.vbfann.bench.ml.MlpEpochComparison. Prints median wall and process CPU seconds per epoch and the last
epoch's mean loss."""
import sys
import time

import numpy as np
import torch


def main():
    data, epochs = sys.argv[1], int(sys.argv[2])
    batches = [int(b) for b in sys.argv[3:]]
    torch.set_num_threads(1)
    x = torch.from_numpy(np.fromfile(data + "/x.f32", dtype="<f4").reshape(-1, 18).copy())
    y = torch.from_numpy(np.fromfile(data + "/y.i32", dtype="<i4").astype(np.float32)).reshape(-1, 1)
    n = x.shape[0]
    for batch in batches:
        torch.manual_seed(5)
        layers = []
        width = 18
        for units in (36, 18, 9):
            layers += [torch.nn.Linear(width, units), torch.nn.ReLU()]
            width = units
        layers.append(torch.nn.Linear(width, 1))
        net = torch.nn.Sequential(*layers)
        # vbfann's starting weights (Glorot uniform, zero biases): per layer the kernel inputs x outputs
        # row-major (PyTorch keeps its transpose), then the biases.
        init = np.fromfile("%s/init-%d.f64" % (data, batch), dtype="<f8")
        off = 0
        with torch.no_grad():
            for m in net:
                if isinstance(m, torch.nn.Linear):
                    n_out, n_in = m.weight.shape
                    kernel = init[off:off + n_in * n_out].reshape(n_in, n_out)
                    m.weight.copy_(torch.from_numpy(kernel.T.astype(np.float32)))
                    off += n_in * n_out
                    m.bias.copy_(torch.from_numpy(init[off:off + n_out].astype(np.float32)))
                    off += n_out
        assert off == init.size, "initial weights: %d values for %d parameters" % (init.size, off)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
        loss_fn = torch.nn.BCEWithLogitsLoss()
        times = []
        last = float("nan")
        cpu = []
        for _ in range(epochs):
            t0 = time.perf_counter()
            c0 = time.process_time()
            perm = torch.randperm(n)
            total = 0.0
            for start in range(0, n, batch):
                idx = perm[start:start + batch]
                opt.zero_grad()
                loss = loss_fn(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
                total += loss.item() * len(idx)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            last = total / n
        times.sort()
        cpu.sort()
        print("pytorch batch %4d: %.3f s per epoch (median of %d), %.3f s CPU per epoch, loss after %d epochs %.5f"
              % (batch, times[len(times) // 2], len(times), cpu[len(cpu) // 2], epochs, last))


if __name__ == "__main__":
    main()
