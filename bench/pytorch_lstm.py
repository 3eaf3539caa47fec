#!/usr/bin/env python3
"""PyTorch's CPU LSTM on the bench's model, for `npm run bench` (bench/run.ts runs it on /usr/bin/python3).

    pytorch_lstm.py WINDOWS_F32 N WINDOW EPOCHS THREADS [ONE_BY_ONE]

WINDOWS_F32: N windows of WINDOW steps, one feature, float32 little-endian (what the engine trains on). The model
is the engine's: encoder LSTM(128) -> RepeatVector(WINDOW) -> decoder LSTM(128) -> Dense(1), dropout 0.2 on the
encoder's output and on the decoder's sequence, MAE loss, Adam 1e-3; batches of 32 in order. One warm-up epoch,
then EPOCHS timed; inference under torch.no_grad(): one warm-up pass, then the fastest of 3 timed (batches of
256; as bench/contender.ts's INFER_PASSES); with
ONE_BY_ONE > 0, that many windows scored one at a time (as `watch` scores a row), each timed: median and 99th
percentile in ms. oneDNN (mkldnn) is on where this torch has it. Prints one line of JSON.
Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset and OPENBLAS_NUM_THREADS=1 (its best configuration).
"""
import json
import resource
import sys
import time

import numpy as np
import torch
from torch import nn


class Autoencoder(nn.Module):
    def __init__(self, window, units=128, dropout=0.2):
        super().__init__()
        self.window = window
        self.enc = nn.LSTM(1, units, batch_first=True)
        self.dec = nn.LSTM(units, units, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(units, 1)

    def forward(self, x):
        _, (h, _) = self.enc(x)
        z = self.drop(h[-1]).unsqueeze(1).expand(-1, self.window, -1)
        y, _ = self.dec(z)
        return self.out(self.drop(y))


def main():
    path, n, window, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    one_by_one = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    torch.set_num_threads(threads)
    torch.backends.mkldnn.enabled = True
    torch.manual_seed(1)
    x = torch.from_numpy(np.fromfile(path, dtype='<f4', count=n * window).reshape(n, window, 1).copy())
    model = Autoencoder(window)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.L1Loss()

    def epoch():
        model.train()
        last = 0.0
        for b in range(0, n, 32):
            xb = x[b:b + 32]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), xb)
            loss.backward()
            opt.step()
            last = loss.item()
        return last

    epoch()
    t = time.perf_counter()
    for _ in range(epochs):
        loss = epoch()
    train_s = time.perf_counter() - t
    model.eval()
    with torch.no_grad():
        infer_s = float('inf')
        for i in range(1 + 3):
            t = time.perf_counter()
            for b in range(0, n, 256):
                model(x[b:b + 256])
            if i > 0:
                infer_s = min(infer_s, time.perf_counter() - t)
        ms = []
        for i in range(min(one_by_one, n)):
            t = time.perf_counter()
            model(x[i:i + 1])
            ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    latency = {'latencyP50Ms': ms[(len(ms) - 1) // 2], 'latencyP99Ms': ms[min(len(ms) - 1, int(0.99 * len(ms)))]} if ms else {}
    print(json.dumps({**latency, 'mkldnn': torch.backends.mkldnn.is_available(), 'torch': torch.__version__, 'threads': torch.get_num_threads(), 'trainSeqPerSec': n * epochs / train_s,
                      'inferSeqPerSec': n / infer_s, 'trainSeconds': train_s, 'epochs': epochs, 'finalLoss': loss,
                      'peakRssMiB': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


if __name__ == '__main__':
    main()
