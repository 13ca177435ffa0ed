#!/usr/bin/env python3
"""Check `lrlab run` on real models against PyTorch fed the same init.csv, batches.csv and
split.csv (docs/semantics.md §2.2, §3): the standardization is recomputed from split.csv, the model is
an nn.Sequential of nn.Linear layers loaded from init.csv, the optimizer is torch.optim's, the
LR of each step is the trace's lr column. Prints the largest relative difference of the
minibatch losses, the evaluation losses and the final parameters; exits 1 if one exceeds its
tolerance (TOL_*). Without torch: skipped (exit 77), or fails when LRLAB_REQUIRE_TORCH=1
(torch_required.py).

    /usr/bin/python3 tests/bench/torch_check_models.py build/bin/lrlab
"""
import json
import math
import os
import subprocess
import sys
import tempfile

try:
    import torch
    from torch_models import build, read_rows, read_trace_dir
except ImportError as error:
    from torch_required import torch_missing

    torch_missing("torch_check_models", error)

LRLAB = sys.argv[1] if len(sys.argv) > 1 else "build/bin/lrlab"
torch.set_num_threads(1)
# The largest relative differences accepted (float32 on both sides, torch's own GEMM order):
# minibatch losses, full-training-set evaluation losses, final parameters (|b| floored at 1e-3).
TOL_LOSS, TOL_EVAL, TOL_FINAL = 2e-5, 2e-6, 5e-4


def rel(a, b, floor=1e-30):
    """|a - b| / max(|b|, floor); infinite when exactly one of them is NaN or infinite."""
    if a == b:
        return 0.0
    d = abs(a - b) / max(abs(b), floor)
    return d if math.isfinite(d) else math.inf


def run_case(name, cfg):
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "c.json"), "w") as fh:
        json.dump(cfg, fh)
    subprocess.run([LRLAB, "run", "--config", os.path.join(d, "c.json"), "--trace-dir", d],
                   check=True, capture_output=True)
    trace = read_rows(os.path.join(d, "trace.csv"))
    head, trace = trace[0], trace[1:]
    init, batches, train, _ = read_trace_dir(d)
    final = [float(r[1]) for r in read_rows(os.path.join(d, "final.csv"))[1:]]
    model, opt, loss_fn, Xs, Y = build(cfg, init, train)

    worst_loss = 0.0
    worst_eval = 0.0
    for k, row in enumerate(trace):
        lr = float(row[1])
        xb = Xs[batches[k]]
        yb = Y[batches[k]]
        for g in opt.param_groups:
            g["lr"] = lr
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        ours = float(row[2])
        worst_loss = max(worst_loss, rel(loss.item(), ours))
        col = head.index("train_loss")
        if row[col] != "":
            with torch.no_grad():
                tl = loss_fn(model(Xs[train]), Y[train]).item()
            worst_eval = max(worst_eval, rel(float(row[col]), tl))
        loss.backward()
        opt.step()
    flat = torch.cat([q.detach().flatten() for q in model.parameters()])
    if len(final) != flat.numel():
        print(f"{name}: {len(final)} final parameters, torch has {flat.numel()}")
        return math.inf, math.inf, math.inf
    worst_param = max(rel(a, b, 1e-3) for a, b in zip(flat.tolist(), final))
    print(f"{name:34s} {len(trace):5d} {worst_loss:12.3e} {worst_eval:12.3e} {worst_param:12.3e}")
    return worst_loss, worst_eval, worst_param


CASES = {
    "mlp digits tanh sgd-momentum": {
        "problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh"},
        "optimizer": {"type": "sgd", "momentum": 0.9}, "schedule": {"lr": 0.05}, "steps": 300,
        "eval_every": 50},
    "mlp digits relu 2 layers adam": {
        "problem": {"type": "mlp", "dataset": "digits", "hidden": [64, 32]},
        "optimizer": {"type": "adam"}, "schedule": {"lr": 0.003, "warmup_steps": 30,
                                                     "decay": "cosine"}, "steps": 300},
    "softmax wine adamw": {
        "problem": {"type": "softmax", "dataset": "wine", "batch_size": 16},
        "optimizer": {"type": "adamw", "weight_decay": 0.05}, "schedule": {"lr": 0.01},
        "steps": 200},
    "logreg breast_cancer rmsprop": {
        "problem": {"type": "logreg"}, "optimizer": {"type": "rmsprop"},
        "schedule": {"lr": 0.01}, "steps": 200},
    "linreg diabetes sgd": {
        "problem": {"type": "linreg", "batch_size": 64}, "optimizer": {"type": "sgd"},
        "schedule": {"lr": 0.1}, "steps": 200},
    "mlp iris adagrad": {
        "problem": {"type": "mlp", "dataset": "iris", "hidden": [16], "batch_size": 8},
        "optimizer": {"type": "adagrad"}, "schedule": {"lr": 0.1}, "steps": 200},
}

print(f"{'case':34s} {'steps':>5s} {'loss rel':>12s} {'eval rel':>12s} {'final rel':>12s}")
worst = [max(column) for column in zip(*(run_case(n, c) for n, c in CASES.items()))]
print(f"worst relative difference: losses {worst[0]:.3e} (tolerance {TOL_LOSS:g}), evaluation "
      f"{worst[1]:.3e} ({TOL_EVAL:g}), final parameters {worst[2]:.3e} ({TOL_FINAL:g})")
sys.exit(0 if all(w <= t for w, t in zip(worst, (TOL_LOSS, TOL_EVAL, TOL_FINAL))) else 1)
