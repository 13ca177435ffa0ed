#!/usr/bin/env python3
"""Offline cross-check of lrlab's optimizers against PyTorch (not part of CTest).

Prints, for each optimizer configuration and for float64 and float32, the parameter vector after
each of STEPS updates on a fixed problem, one line per step:

    <config> <dtype> <step> <x_0> <x_1> ... (repr, i.e. round-trip precision)

The problem is exactly reproducible in C++: n = 37 parameters (so ATen runs both its vectorized
loop and its scalar tail), x0_i = sin(i + 1) rounded to the dtype, and the gradient
g = a * x - b with a_i = 0.5 * (i % 7 + 1) and b_i = 0.25 * (i % 5 - 2), all exact in float32.
To compare, print lrlab's trajectories in the same format (makeOptimizer<double/float> with
the same settings, gradient computed as a.array() * x.array() - b.array() in the same Scalar,
values with %.17g) and pass that file: the script then reports, per configuration and dtype,
the largest difference, the largest distance in ulps and how many values are bit-identical.

Usage: /usr/bin/python3 tests/bench/torch_check_optimizers.py > torch.txt
       /usr/bin/python3 tests/bench/torch_check_optimizers.py --compare lrlab.txt
"""
import math
import struct
import sys

import torch

N = 37
STEPS = 5


def lion_update(p, grad, exp_avg, lr, wd, beta1, beta2):
    """lucidrains/lion-pytorch update_fn, copied operation by operation."""
    p.data.mul_(1 - lr * wd)
    update = exp_avg.clone().mul_(beta1).add(grad, alpha=1 - beta1).sign_()
    p.add_(update, alpha=-lr)
    exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)


CONFIGS = [
    ("sgd", 0.05, lambda p, lr: torch.optim.SGD([p], lr=lr, foreach=False)),
    ("sgd-momentum-wd", 0.05,
     lambda p, lr: torch.optim.SGD([p], lr=lr, momentum=0.9, weight_decay=0.01, foreach=False)),
    ("sgd-nesterov", 0.05,
     lambda p, lr: torch.optim.SGD([p], lr=lr, momentum=0.9, nesterov=True, foreach=False)),
    ("rmsprop", 0.01, lambda p, lr: torch.optim.RMSprop([p], lr=lr, foreach=False)),
    ("rmsprop-momentum-wd", 0.01,
     lambda p, lr: torch.optim.RMSprop([p], lr=lr, momentum=0.5, weight_decay=0.1,
                                       foreach=False)),
    ("adagrad-wd", 0.1,
     lambda p, lr: torch.optim.Adagrad([p], lr=lr, weight_decay=0.05, foreach=False)),
    ("adam", 0.01, lambda p, lr: torch.optim.Adam([p], lr=lr, foreach=False)),
    ("adam-wd", 0.01,
     lambda p, lr: torch.optim.Adam([p], lr=lr, weight_decay=0.1, foreach=False)),
    ("adamw", 0.01, lambda p, lr: torch.optim.AdamW([p], lr=lr, foreach=False)),
    ("lion-wd", 0.003, None),
]


def trajectories():
    """Yields (config, dtype label, step, values) for every configuration."""
    for name, lr, make in CONFIGS:
        for dtype, label in ((torch.float64, "float64"), (torch.float32, "float32")):
            p = torch.tensor([math.sin(i + 1) for i in range(N)], dtype=dtype,
                             requires_grad=True)
            a = torch.tensor([0.5 * (i % 7 + 1) for i in range(N)], dtype=dtype)
            b = torch.tensor([0.25 * (i % 5 - 2) for i in range(N)], dtype=dtype)
            opt = make(p, lr) if make is not None else None
            exp_avg = torch.zeros_like(p)
            for step in range(1, STEPS + 1):
                with torch.no_grad():
                    grad = a * p - b
                    if opt is None:
                        lion_update(p, grad, exp_avg, lr, 0.1, 0.9, 0.99)
                    else:
                        p.grad = grad.clone()
                        opt.step()
                yield name, label, step, p.detach().tolist()


def ulps(a, b, label):
    fmt, ifmt = ("<f", "<i") if label == "float32" else ("<d", "<q")
    ia = struct.unpack(ifmt, struct.pack(fmt, a))[0]
    ib = struct.unpack(ifmt, struct.pack(fmt, b))[0]
    return abs(ia - ib)


def compare(path):
    ours = {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            ours[(fields[0], fields[1], int(fields[2]))] = [float(v) for v in fields[3:]]
    summary = {}
    for name, label, step, values in trajectories():
        mine = ours[(name, label, step)]
        s = summary.setdefault((name, label), [0.0, 0, 0, 0])
        for t, m in zip(values, mine):
            s[0] = max(s[0], abs(t - m))
            s[1] = max(s[1], ulps(t, m, label))
            s[2] += t == m
            s[3] += 1
    for (name, label), (diff, u, same, total) in summary.items():
        print(f"{name:22s} {label}: max |diff| {diff:.3g}, max ulps {u}, "
              f"bit-identical {same}/{total}")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        compare(sys.argv[2])
        return
    for name, label, step, values in trajectories():
        print(name, label, step, " ".join(repr(v) for v in values))


if __name__ == "__main__":
    main()
