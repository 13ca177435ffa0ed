#!/usr/bin/env python3
"""PyTorch reference for tests/bench/bench_models.cpp: microseconds per training step
(forward, CrossEntropyLoss, backward, SGD step) of the same three MLP shapes, float32, on one
CPU thread. Median of 5 repetitions of >= 0.3 s each, random data cycling over 16 batches.
Prints a message and exits 0 when torch is not installed."""

import statistics
import sys
import time

try:
    import torch
except ImportError:
    print("torch_step_bench: `import torch` failed; skipping the PyTorch reference")
    sys.exit(0)

SHAPES = [
    ("digits mlp 64-32-10 tanh", 64, [32], 10, torch.nn.Tanh, 32),
    ("mlp 64-256-256-10 relu", 64, [256, 256], 10, torch.nn.ReLU, 32),
    ("mnist mlp 784-128-10 relu", 784, [128], 10, torch.nn.ReLU, 128),
]
MIN_SECONDS = 0.3
REPETITIONS = 5
POOL = 16


def build(inputs, hidden, classes, activation):
    layers = []
    width = inputs
    for h in hidden:
        layers += [torch.nn.Linear(width, h), activation()]
        width = h
    layers.append(torch.nn.Linear(width, classes))
    return torch.nn.Sequential(*layers)


def time_steps(step):
    iterations = 1
    while True:
        start = time.perf_counter()
        for i in range(iterations):
            step(i % POOL)
        if time.perf_counter() - start >= MIN_SECONDS / 4:
            break
        iterations *= 2
    iterations *= 4
    per_step = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        for i in range(iterations):
            step(i % POOL)
        per_step.append((time.perf_counter() - start) / iterations)
    return statistics.median(per_step)


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    print(f"PyTorch {torch.__version__} training step, 1 thread, float32 "
          f"(median of {REPETITIONS} x >= {MIN_SECONDS} s)")
    print(f"{'model':<28} {'batch':>6} {'params':>8} {'us/step':>12}")
    for name, inputs, hidden, classes, activation, batch in SHAPES:
        model = build(inputs, hidden, classes, activation)
        loss_fn = torch.nn.CrossEntropyLoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        xs = torch.randn(POOL, batch, inputs)
        ys = torch.randint(0, classes, (POOL, batch))

        def step(k):
            optimizer.zero_grad()
            loss = loss_fn(model(xs[k]), ys[k])
            loss.backward()
            optimizer.step()

        seconds = time_steps(step)
        params = sum(p.numel() for p in model.parameters())
        print(f"{name:<28} {batch:>6} {params:>8} {seconds * 1e6:>12.2f}")


if __name__ == "__main__":
    main()
