#!/usr/bin/env python3
"""Check `lrlab find-lr` on real models against pytorch-lr-finder's range_test algorithm
written out in PyTorch (docs/semantics.md §2.5), fed the same init.csv, batches.csv and split.csv:
lr_i = start*(end/start)**(i/(N-1)) or start + i/(N-1)*(end-start) as its ExponentialLR /
LinearLR compute it, _train_batch (zero_grad, forward, loss, backward, step; the loss before
the update), _validate (mean loss over the validation rows after the update), the smoothing
loss = f*loss + (1-f)*previous and the stop rule loss > diverge_th * best_loss. Suggestions:
pytorch-lr-finder's steepest (np.gradient argmin) and fastai's valley/minimum/steep, written
out from fastai/callback/schedule.py, on the smoothed losses cut to [skip_start, -skip_end).

Prints, per case, the iterations of both, the largest relative difference of the LRs and of
the smoothed losses (over all rows, and over the "calm" rows whose raw loss is below twice
the lowest raw loss plus one: at the blow-up, float rounding differences are amplified
without bound), and whether each suggestion agrees. Exit 1 unless the iteration counts and the
LRs are identical, the calm rows agree to TOL_CALM and every suggestion is
identical. Without torch: skipped (exit 77), or fails when LRLAB_REQUIRE_TORCH=1
(torch_required.py).

    /usr/bin/python3 tests/bench/torch_check_lr_finder.py build/bin/lrlab
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
    import torch
    from torch_models import build, read_trace_dir
except ImportError as error:
    from torch_required import torch_missing

    torch_missing("torch_check_lr_finder", error)

LRLAB = sys.argv[1] if len(sys.argv) > 1 else "build/bin/lrlab"
torch.set_num_threads(1)
TOL_CALM = 1e-5  # relative difference of the smoothed losses before the blow-up


def relative(a, b):
    """|a - b| / max(|b|, 1e-30); infinite when exactly one of them is NaN or infinite."""
    if a == b:
        return 0.0
    d = abs(a - b) / max(abs(b), 1e-30)
    return d if np.isfinite(d) else np.inf


def valley(lrs, losses):
    n = len(losses)
    max_start, max_end = 0, 0
    lds = [1] * n
    for i in range(1, n):
        for j in range(0, i):
            if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end = i
                max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return float(lrs[idx])


def suggestions(lrs, losses, skip_start, skip_end):
    lrs = lrs[skip_start:len(lrs) - skip_end]
    losses = losses[skip_start:len(losses) - skip_end]
    finite = [i for i, v in enumerate(losses) if not np.isfinite(v)]
    if finite:
        lrs, losses = lrs[:finite[0]], losses[:finite[0]]
    if len(losses) < 2:
        return {"steepest": None, "valley": None, "minimum": None, "steep": None}
    l = np.array(losses, dtype=np.float64)
    r = np.array(lrs, dtype=np.float64)
    grads = (l[1:] - l[:-1]) / (np.log(r[1:]) - np.log(r[:-1]))
    return {"steepest": float(r[np.gradient(l).argmin()]), "valley": valley(r, l),
            "minimum": float(r[l.argmin()]) / 10, "steep": float(r[grads.argmin()])}


def run_case(name, cfg, args):
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "c.json"), "w") as fh:
        json.dump(cfg, fh)
    out = subprocess.run([LRLAB, "find-lr", "--config", os.path.join(d, "c.json"), "--trace-dir",
                          d, "--summary", os.path.join(d, "s.json")] + args,
                         check=True, capture_output=True, text=True).stdout
    ours = [r for r in csv.reader(out.splitlines())][1:]
    with open(os.path.join(d, "s.json")) as fh:
        summary = json.load(fh)
    init, batches, train, val = read_trace_dir(d)
    model, opt, loss_fn, Xs, Y = build(cfg, init, train)

    valued = [a for a in args if a != "--validation"]
    opts = dict(zip(valued[0::2], valued[1::2]))
    start = float(opts.get("--start-lr", 1e-7))
    end = float(opts.get("--end-lr", 10))
    num_iter = int(opts.get("--iters", 100))
    mode = opts.get("--mode", "exp")
    smooth_f = float(opts.get("--smooth-f", 0.05))
    diverge_th = float(opts.get("--diverge-th", 5))
    validation = "--validation" in args

    lrs, losses = [], []
    best = None
    for it in range(num_iter):
        r = it / (num_iter - 1)
        lr = start * (end / start) ** r if mode == "exp" else start + r * (end - start)
        for g in opt.param_groups:
            g["lr"] = lr
        xb, yb = Xs[batches[it]], Y[batches[it]]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        loss = loss.item()
        if validation:
            with torch.no_grad():
                loss = loss_fn(model(Xs[val]), Y[val]).item()
        lrs.append(lr)
        if it == 0:
            best = loss
        else:
            if smooth_f > 0:
                loss = smooth_f * loss + (1 - smooth_f) * losses[-1]
            if loss < best:
                best = loss
        losses.append(loss)
        if loss > diverge_th * best or not np.isfinite(loss):
            break

    n = min(len(ours), len(losses))
    lr_rel = max(relative(float(o[1]), l) for o, l in zip(ours, lrs))
    rel = [relative(float(o[3]), s) for o, s in zip(ours[:n], losses[:n])]
    raw0 = min(float(o[2]) for o in ours[:n])
    calm = [e for e, o in zip(rel, ours) if float(o[2]) < 2 * raw0 + 1.0] or [0.0]
    sug = suggestions(lrs, losses, int(opts.get("--skip-start", 10)), int(opts.get("--skip-end", 5)))
    agree = all((sug[k] is None and summary["suggestions"][k] is None) or
                (sug[k] is not None and sug[k] == summary["suggestions"][k])
                for k in sug)
    print(f"{name:36s} {len(ours):5d} {len(losses):5d} {lr_rel:10.1e} {max(rel):12.3e} "
          f"{max(calm):12.3e} {'yes' if agree else 'NO ' + str(sug) + ' vs ' + str(summary['suggestions'])}")
    return len(ours) == len(losses) and lr_rel == 0, max(calm), agree


CASES = [
    ("mlp digits tanh sgd, end 1000",
     {"problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh"},
      "optimizer": {"type": "sgd"}}, ["--end-lr", "1000"]),
    ("mlp digits relu adam",
     {"problem": {"type": "mlp", "dataset": "digits", "hidden": [64, 32]},
      "optimizer": {"type": "adam"}}, []),
    ("mlp digits tanh adam, validation",
     {"problem": {"type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh"},
      "optimizer": {"type": "adam"}}, ["--validation"]),
    ("softmax wine sgd-momentum linear",
     {"problem": {"type": "softmax", "dataset": "wine", "batch_size": 16},
      "optimizer": {"type": "sgd", "momentum": 0.9}},
     ["--mode", "linear", "--start-lr", "0.001", "--end-lr", "5", "--iters", "60"]),
    ("linreg diabetes sgd, smooth-f 0",
     {"problem": {"type": "linreg", "batch_size": 64}, "optimizer": {"type": "sgd"}},
     ["--smooth-f", "0", "--start-lr", "1e-4", "--end-lr", "100"]),
]

print(f"{'case':36s} {'ours':>5s} {'torch':>5s} {'lr rel':>10s} {'smooth rel':>12s} "
      f"{'calm rel':>12s} suggestions agree")
results = [run_case(*c) for c in CASES]
ok = all(same and calm <= TOL_CALM and agree for same, calm, agree in results)
print(f"worst relative difference of the smoothed loss before blow-up: "
      f"{max(c for _, c, _ in results):.3e}; iterations and LRs equal: "
      f"{all(s for s, _, _ in results)}; "
      f"suggestions equal: {all(a for _, _, a in results)}")
sys.exit(0 if ok else 1)
