"""PyTorch side of bench/train-bench.sh: the same data, network, batch size and thread count as
org.vbfann.bench.ml.TrainingEpochBench. Usage: torch_epoch.py DATA_DIR BATCH EPOCHS."""
import statistics
import sys
import time

import numpy as np
import torch

data, batch, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(1)
torch.manual_seed(5)


def load(name):
    x = np.fromfile(f"{data}/{name}.x.f32", dtype="<f4").reshape(-1, 18)
    y = np.fromfile(f"{data}/{name}.y.i32", dtype="<i4").astype(np.float32)
    return torch.from_numpy(x), torch.from_numpy(y).unsqueeze(1)


xt, yt = load("train")
xv, yv = load("validation")
layers = []
width = 18
for units in (36, 18, 9):
    layers += [torch.nn.Linear(width, units), torch.nn.ReLU()]
    width = units
layers.append(torch.nn.Linear(width, 1))
net = torch.nn.Sequential(*layers)
# Glorot-uniform kernels and zero biases, as vbfann (and Keras) initialise relu networks.
for m in net:
    if isinstance(m, torch.nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        torch.nn.init.zeros_(m.bias)
opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
loss_fn = torch.nn.BCEWithLogitsLoss()


def epoch():
    net.train()
    order = torch.randperm(xt.shape[0])
    total = 0.0
    for start in range(0, xt.shape[0], batch):
        idx = order[start:start + batch]
        opt.zero_grad()
        loss = loss_fn(net(xt[idx]), yt[idx])
        loss.backward()
        opt.step()
        total += loss.item() * idx.shape[0]
    net.eval()
    with torch.no_grad():
        val = loss_fn(net(xv), yv).item()
    return total / xt.shape[0], val


wall, cpu = [], []
for e in range(epochs):
    w0, c0 = time.perf_counter(), time.process_time()
    loss, val = epoch()
    wall.append(time.perf_counter() - w0)
    cpu.append(time.process_time() - c0)
macs = 18 * 36 + 36 * 18 + 18 * 9 + 9
flop = 6.0 * macs * xt.shape[0]
print(f"pytorch-{torch.__version__} batch={batch} epochs={epochs} wall_s_per_epoch={statistics.median(wall):.4f}"
      f" cpu_s_per_epoch={statistics.median(cpu):.4f} final_loss={loss:.5f} val_loss={val:.5f}"
      f" gflops_cpu={flop / statistics.median(cpu) * 1e-9:.3f}")
