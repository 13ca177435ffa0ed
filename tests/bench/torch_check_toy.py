#!/usr/bin/env python3
"""Cross-check `lrlab run` and `lrlab schedule` against PyTorch and an independent Python
implementation of docs/semantics.md §2.4.

Toy runs: the same surface written with torch autograd (float64), the same optimizer from
torch.optim (lion as lion-pytorch writes it), the LR set each step from the Python schedule.
Prints the largest relative difference per case; exits 1 if any exceeds the tolerance.
Without torch: skipped (exit 77), or fails when LRLAB_REQUIRE_TORCH=1 (torch_required.py).

    python3 tests/bench/torch_check_toy.py build/bin/lrlab
"""
import json
import math
import os
import subprocess
import sys
import tempfile

try:
    import torch
except ImportError as error:
    from torch_required import torch_missing

    torch_missing("torch_check_toy", error)

torch.set_default_dtype(torch.float64)
LRLAB = sys.argv[1] if len(sys.argv) > 1 else "build/bin/lrlab"
TOL = 1e-9


# ---- schedules, written from docs/semantics.md §2.4 independently of the C++ -------------------------
def lr_at(s, t, steps):
    base = s.get("lr", 0.01)
    W = s.get("warmup_steps", 0)
    sf = s.get("warmup_start_factor", 0.0)
    decay = s.get("decay", "constant")
    min_lr = s.get("min_lr", 0.0)
    total = s.get("total_steps", steps)
    if t < W:
        return base * (sf + (1 - sf) * t / W)
    tau = t - W
    T = max(1, total - W)
    if decay != "cosine_restarts":
        tau = min(tau, T)
    if decay == "constant":
        return base
    if decay == "cosine":
        return min_lr + (base - min_lr) * 0.5 * (1 + math.cos(math.pi * tau / T))
    if decay == "linear":
        return min_lr + (base - min_lr) * (1 - tau / T)
    if decay == "polynomial":
        return min_lr + (base - min_lr) * (1 - tau / T) ** s.get("power", 1.0)
    if decay == "exponential":
        return base * s.get("gamma", 0.99) ** (tau // s.get("steps_per_epoch", 1))
    if decay == "step":
        return base * s.get("gamma", 0.1) ** (tau // s.get("step_size", max(1, T // 3)))
    if decay == "cosine_restarts":
        t0 = s.get("t0", max(1, T // 4))
        tm = s.get("t_mult", 1)
        if tm == 1:
            tcur, ti = tau % t0, t0
        else:
            n = int(math.log(tau / t0 * (tm - 1) + 1, tm))
            tcur = tau - t0 * (tm ** n - 1) / (tm - 1)
            ti = t0 * tm ** n
        return min_lr + (base - min_lr) * (1 + math.cos(math.pi * tcur / ti)) / 2
    if decay == "inverse_sqrt":
        ts = s.get("timescale", W if W > 0 else 10000)
        return base / math.sqrt(1 + tau / ts)
    if decay == "onecycle":
        pct = s.get("pct_start", 0.3)
        div = s.get("div_factor", 25.0)
        fdiv = s.get("final_div_factor", 1e4)
        initial = base / div
        low = initial / fdiv
        phases = [(float(pct * T) - 1, initial, base), (T - 1, base, low)]
        start = 0
        for i, (end, a, b) in enumerate(phases):
            if tau <= end or i == len(phases) - 1:
                p = (tau - start) / (end - start)
                return b + (a - b) / 2.0 * (math.cos(math.pi * p) + 1)
            start = end
    if decay == "wsd":
        D = max(1, round(s.get("decay_fraction", 0.2) * T))
        stable = T - D
        if tau < stable:
            return base
        p = (tau - stable) / D
        shape = s.get("shape", "linear")
        f = {"linear": 1 - p, "cosine": 0.5 * (1 + math.cos(math.pi * p)),
             "sqrt": 1 - math.sqrt(p)}[shape]
        return min_lr + (base - min_lr) * f
    raise ValueError(decay)


# ---- surfaces -----------------------------------------------------------------------------------
def surface(name):
    pi = math.pi
    return {
        "rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        "quadratic": lambda x, y: 0.5 * (x * x + 10 * y * y),
        "beale": lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2
        + (2.625 - x + x * y ** 3) ** 2,
        "himmelblau": lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        "booth": lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
        "six_hump_camel": lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y
        + (-4 + 4 * y ** 2) * y ** 2,
        "rastrigin": lambda x, y: 20 + (x * x - 10 * torch.cos(2 * pi * x))
        + (y * y - 10 * torch.cos(2 * pi * y)),
        "styblinski_tang": lambda x, y: 0.5 * ((x ** 4 - 16 * x ** 2 + 5 * x)
                                               + (y ** 4 - 16 * y ** 2 + 5 * y)),
        "saddle": lambda x, y: x * x / 2 - y * y / 2 + y ** 4 / 4,
    }[name]


def lion_step(p, m, lr, b1, b2, wd):
    with torch.no_grad():
        p.mul_(1 - lr * wd)
        update = m.clone().mul_(b1).add(p.grad, alpha=1 - b1).sign_()
        p.add_(update, alpha=-lr)
        m.mul_(b2).add_(p.grad, alpha=1 - b2)


def torch_run(cfg):
    steps = cfg["steps"]
    f = surface(cfg["problem"]["type"])
    p = torch.tensor(cfg["init"], requires_grad=True)
    o = dict(cfg["optimizer"])
    kind = o.pop("type")
    s = cfg["schedule"]
    if kind == "sgd":
        opt = torch.optim.SGD([p], lr=1.0, **o)
    elif kind == "rmsprop":
        opt = torch.optim.RMSprop([p], lr=1.0, **o)
    elif kind == "adagrad":
        opt = torch.optim.Adagrad([p], lr=1.0, **o)
    elif kind in ("adam", "adamw"):
        betas = (o.pop("beta1", 0.9), o.pop("beta2", 0.999))
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        opt = cls([p], lr=1.0, betas=betas, **o)
    elif kind == "lion":
        m = torch.zeros_like(p)
    rows = []
    for k in range(steps + 1):
        lr = lr_at(s, k, steps)
        p.grad = None
        loss = f(p[0], p[1])
        rows.append((lr, loss.item(), p[0].item(), p[1].item()))
        if not all(math.isfinite(v) for v in rows[-1][1:]) or k == steps:
            break
        loss.backward()
        if kind == "lion":
            lion_step(p, m, lr, o.get("beta1", 0.9), o.get("beta2", 0.99), o.get("weight_decay", 0))
        else:
            for g in opt.param_groups:
                g["lr"] = lr
            opt.step()
    return rows


def lrlab(sub, cfg):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(cfg, fh)
    try:
        out = subprocess.run([LRLAB, sub, "--config", fh.name], capture_output=True, text=True,
                             check=True).stdout
    finally:
        os.unlink(fh.name)
    lines = out.strip().split("\n")[1:]
    return [[float(c) for c in line.split(",")[1:]] for line in lines]


def rel(a, b):
    if math.isnan(a) and math.isnan(b):
        return 0.0
    if math.isinf(a) or math.isinf(b):
        return 0.0 if a == b else math.inf
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


RUNS = [
    ("sgd", {"type": "sgd"}, 0.001),
    ("sgd-wd", {"type": "sgd", "weight_decay": 0.1}, 0.001),
    ("momentum", {"type": "sgd", "momentum": 0.9}, 0.0005),
    ("nesterov", {"type": "sgd", "momentum": 0.9, "nesterov": True}, 0.0005),
    ("rmsprop", {"type": "rmsprop"}, 0.01),
    ("rmsprop-wd", {"type": "rmsprop", "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.01}, 0.01),
    ("adagrad", {"type": "adagrad"}, 0.1),
    ("adam", {"type": "adam"}, 0.05),
    ("adam-wd", {"type": "adam", "beta1": 0.8, "beta2": 0.99, "weight_decay": 0.1}, 0.05),
    ("adamw", {"type": "adamw"}, 0.05),
    ("lion", {"type": "lion", "weight_decay": 0.1}, 0.01),
]
SCHEDULES = [
    {"decay": "constant"},
    {"warmup_steps": 20, "decay": "cosine", "min_lr": 1e-5},
    {"warmup_steps": 10, "warmup_start_factor": 0.1, "decay": "linear"},
    {"decay": "polynomial", "power": 2.0, "min_lr": 1e-4},
    {"decay": "exponential", "gamma": 0.97, "steps_per_epoch": 7},
    {"decay": "step", "gamma": 0.5, "step_size": 40},
    {"decay": "step"},
    {"decay": "cosine_restarts", "t0": 30, "t_mult": 2, "min_lr": 1e-4},
    {"decay": "cosine_restarts", "t0": 25},
    {"decay": "cosine_restarts"},
    {"warmup_steps": 15, "decay": "inverse_sqrt"},
    {"decay": "inverse_sqrt", "timescale": 50},
    {"decay": "onecycle"},
    {"decay": "onecycle", "pct_start": 0.25, "div_factor": 10, "final_div_factor": 100},
    {"decay": "wsd", "decay_fraction": 0.3, "shape": "cosine", "min_lr": 1e-4},
    {"decay": "wsd", "shape": "sqrt"},
    {"warmup_steps": 10, "decay": "wsd"},
]

worst = 0.0
failures = 0
print(f"{'case':44s} {'rows':>5s} {'max rel diff':>13s} {'(whole run)':>13s}")
for i, sched in enumerate(SCHEDULES):
    s = dict(sched, lr=0.1)
    cfg = {"schedule": s, "steps": 200}
    ours = lrlab("schedule", cfg)
    d = max(rel(ours[t][0], lr_at(s, t, 200)) for t in range(200))
    worst = max(worst, d)
    failures += d > 1e-13
    print(f"{'schedule ' + json.dumps(sched)[:35]:44s} {len(ours):5d} {d:13.3e}")
    # torch's own schedulers where one exists with the same semantics
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    sch = None
    if sched.get("decay") == "onecycle" and "warmup_steps" not in sched:
        sch = torch.optim.lr_scheduler.OneCycleLR(
            opt, max_lr=0.1, total_steps=200, pct_start=sched.get("pct_start", 0.3),
            div_factor=sched.get("div_factor", 25.0),
            final_div_factor=sched.get("final_div_factor", 1e4))
    elif sched.get("decay") == "step" and "step_size" in sched:
        sch = torch.optim.lr_scheduler.StepLR(opt, sched["step_size"], sched["gamma"])
    if sch is not None:
        tv = []
        for t in range(200):
            tv.append(opt.param_groups[0]["lr"])
            opt.step()
            sch.step()
        d = max(rel(ours[t][0], tv[t]) for t in range(200))
        failures += d > 1e-12
        print(f"{'  vs torch scheduler':44s} {200:5d} {d:13.3e}")

for surf, init in [("rosenbrock", [-1.5, 2.0]), ("beale", [1.0, 1.5]), ("six_hump_camel", [-1.5, 1.0]),
                   ("rastrigin", [2.3, -1.7]), ("himmelblau", [0.5, -0.5])]:
    for name, opt, lr in RUNS:
        for sched in (SCHEDULES[0], SCHEDULES[1]):
            cfg = {"problem": {"type": surf}, "init": init, "optimizer": opt,
                   "schedule": dict(sched, lr=lr), "steps": 300}
            ours = lrlab("run", cfg)
            ref = torch_run(json.loads(json.dumps(cfg)))
            if len(ours) != len(ref):
                print(f"{surf} {name}: row count {len(ours)} vs torch {len(ref)}")
                failures += 1
                continue
            # Near a minimum some runs are chaotic (RMSprop's g/√v steps are sign-like), so
            # an ulp of difference in the gradient (autograd vs the analytic formula) grows; the
            # tolerance applies to the first 50 steps, the whole run is reported.
            early = max(rel(a, b) for ro, rr in zip(ours[:51], ref[:51]) for a, b in zip(ro, rr))
            d = max(rel(a, b) for ro, rr in zip(ours, ref) for a, b in zip(ro, rr))
            worst = max(worst, early)
            failures += early > TOL
            print(f"{surf + ' ' + name + ' ' + sched['decay']:44s} {len(ours):5d} {early:13.3e} "
                  f"{d:13.3e}")

print(f"worst relative difference (schedules; runs' first 50 steps): {worst:.3e}; "
      f"failures: {failures}")
sys.exit(1 if failures else 0)
