#!/usr/bin/env python3
"""Cross-check of lrlab's optimizers against PyTorch, bit for bit.

CTest mode (tests/bench/CMakeLists.txt):

    /usr/bin/python3 tests/bench/torch_check_optimizers.py --lrlab build/bin/lrlab

runs `lrlab run --out trace.csv` for every optimizer configuration below on the toy quadratic
½(a x² + b y²) (a = 1, b = 10: lrlab's gradient is exactly (a x, b y), as torch computes
a * p - 0 here) from (sin 1, sin 2), LIVE_STEPS steps at a constant LR, and compares each
step's (x, y) in float64 with torch.optim (foreach=False: the single-tensor code lrlab follows)
fed the same gradients. Exits 1 unless every value is bit-identical. Two parameters exercise
ATen's scalar loops only, and toy runs are float64 only: the float32 optimizers (the models')
and the vectorized loops are the offline mode's.

Offline mode: prints, for each configuration and for float64 and float32, the parameter vector
after each of STEPS updates on a fixed problem, one line per step:

    <config> <dtype> <step> <x_0> <x_1> ... (repr, i.e. round-trip precision)

The problem is exactly reproducible in C++: n = 37 parameters (so ATen runs both its vectorized
loop and its scalar tail), x0_i = sin(i + 1) rounded to the dtype, and the gradient
g = a * x - b with a_i = 0.5 * (i % 7 + 1) and b_i = 0.25 * (i % 5 - 2), all exact in float32.
To compare, print lrlab's trajectories in the same format (makeOptimizer<double/float> with
the same settings, gradient computed as a.array() * x.array() - b.array() in the same Scalar,
values with %.17g) and pass that file: the script then reports, per configuration and dtype,
the largest difference, the largest distance in ulps and how many values are bit-identical,
and exits 1 unless all are.

Usage: /usr/bin/python3 tests/bench/torch_check_optimizers.py > torch.txt
       /usr/bin/python3 tests/bench/torch_check_optimizers.py --compare lrlab.txt

Without torch: skipped (exit 77), or fails when LRLAB_REQUIRE_TORCH=1 (torch_required.py).
"""
import csv
import json
import math
import os
import struct
import subprocess
import sys
import tempfile

try:
    import torch
except ImportError as error:
    from torch_required import torch_missing

    torch_missing("torch_check_optimizers", error)

N = 37
STEPS = 5
LIVE_STEPS = 60


def lion_update(p, grad, exp_avg, lr, wd, beta1, beta2):
    """lucidrains/lion-pytorch update_fn, copied operation by operation."""
    p.data.mul_(1 - lr * wd)
    update = exp_avg.clone().mul_(beta1).add(grad, alpha=1 - beta1).sign_()
    p.add_(update, alpha=-lr)
    exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)


# (name, lr, torch optimizer or None for Lion, the same optimizer as lrlab's config object)
CONFIGS = [
    ("sgd", 0.05, lambda p, lr: torch.optim.SGD([p], lr=lr, foreach=False), {"type": "sgd"}),
    ("sgd-momentum-wd", 0.05,
     lambda p, lr: torch.optim.SGD([p], lr=lr, momentum=0.9, weight_decay=0.01, foreach=False),
     {"type": "sgd", "momentum": 0.9, "weight_decay": 0.01}),
    ("sgd-nesterov", 0.05,
     lambda p, lr: torch.optim.SGD([p], lr=lr, momentum=0.9, nesterov=True, foreach=False),
     {"type": "sgd", "momentum": 0.9, "nesterov": True}),
    ("rmsprop", 0.01, lambda p, lr: torch.optim.RMSprop([p], lr=lr, foreach=False),
     {"type": "rmsprop"}),
    ("rmsprop-momentum-wd", 0.01,
     lambda p, lr: torch.optim.RMSprop([p], lr=lr, momentum=0.5, weight_decay=0.1,
                                       foreach=False),
     {"type": "rmsprop", "momentum": 0.5, "weight_decay": 0.1}),
    ("adagrad-wd", 0.1,
     lambda p, lr: torch.optim.Adagrad([p], lr=lr, weight_decay=0.05, foreach=False),
     {"type": "adagrad", "weight_decay": 0.05}),
    ("adam", 0.01, lambda p, lr: torch.optim.Adam([p], lr=lr, foreach=False), {"type": "adam"}),
    ("adam-wd", 0.01,
     lambda p, lr: torch.optim.Adam([p], lr=lr, weight_decay=0.1, foreach=False),
     {"type": "adam", "weight_decay": 0.1}),
    ("adamw", 0.01, lambda p, lr: torch.optim.AdamW([p], lr=lr, foreach=False),
     {"type": "adamw"}),
    ("lion-wd", 0.003, None, {"type": "lion", "weight_decay": 0.1}),
]


DTYPES = ((torch.float64, "float64"), (torch.float32, "float32"))


def offline_problem(dtype):
    """x0, a, b of the offline problem (N parameters)."""
    return ([math.sin(i + 1) for i in range(N)], [0.5 * (i % 7 + 1) for i in range(N)],
            [0.25 * (i % 5 - 2) for i in range(N)])


def live_problem(dtype):
    """x0, a, b of lrlab's toy quadratic with a = 1, b = 10 (gradient (x, 10 y))."""
    return [math.sin(1), math.sin(2)], [1.0, 10.0], [0.0, 0.0]


def trajectories(problem=offline_problem, dtypes=DTYPES, steps=STEPS):
    """Yields (config, dtype label, step, values) for every configuration."""
    for name, lr, make, _ in CONFIGS:
        for dtype, label in dtypes:
            x0, a, b = problem(dtype)
            p = torch.tensor(x0, dtype=dtype, requires_grad=True)
            a = torch.tensor(a, dtype=dtype)
            b = torch.tensor(b, dtype=dtype)
            opt = make(p, lr) if make is not None else None
            exp_avg = torch.zeros_like(p)
            for step in range(1, steps + 1):
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


def lrlab_trajectories(lrlab):
    """{(config, "float64", step): [x, y]} of `lrlab run --out` on the live problem."""
    ours = {}
    with tempfile.TemporaryDirectory() as d:
        x0, a, _ = live_problem(torch.float64)
        for name, lr, _, optimizer in CONFIGS:
            config = {"problem": {"type": "quadratic", "a": a[0], "b": a[1]}, "init": x0,
                      "optimizer": optimizer, "schedule": {"lr": lr}, "steps": LIVE_STEPS}
            path = os.path.join(d, name + ".json")
            trace = os.path.join(d, name + ".csv")
            with open(path, "w") as f:
                json.dump(config, f)
            subprocess.run([lrlab, "run", "--config", path, "--out", trace], check=True,
                           stdout=subprocess.DEVNULL)
            with open(trace) as f:
                rows = list(csv.DictReader(f))
            for row in rows[1:]:
                ours[(name, "float64", int(row["step"]))] = [float(row["x"]), float(row["y"])]
    return ours


def read_trajectories(path):
    """{(config, dtype, step): values} of a file in the offline format."""
    ours = {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            ours[(fields[0], fields[1], int(fields[2]))] = [float(v) for v in fields[3:]]
    return ours


def compare(ours, reference):
    """Prints the differences of ours from the reference trajectories; True if all identical."""
    summary = {}
    for name, label, step, values in reference:
        mine = ours.get((name, label, step), [])
        if len(mine) != len(values):
            print(f"{name} {label} step {step}: {len(mine)} values from lrlab, torch has "
                  f"{len(values)}")
            return False
        s = summary.setdefault((name, label), [0.0, 0, 0, 0])
        for t, m in zip(values, mine):
            s[0] = max(s[0], abs(t - m))
            s[1] = max(s[1], ulps(t, m, label))
            s[2] += t == m
            s[3] += 1
    for (name, label), (diff, u, same, total) in summary.items():
        print(f"{name:22s} {label}: max |diff| {diff:.3g}, max ulps {u}, "
              f"bit-identical {same}/{total}")
    return all(same == total for _, _, same, total in summary.values())


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--lrlab":
        reference = trajectories(live_problem, DTYPES[:1], LIVE_STEPS)
        sys.exit(0 if compare(lrlab_trajectories(sys.argv[2]), reference) else 1)
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        sys.exit(0 if compare(read_trajectories(sys.argv[2]), trajectories()) else 1)
    for name, label, step, values in trajectories():
        print(name, label, step, " ".join(repr(v) for v in values))


if __name__ == "__main__":
    main()
