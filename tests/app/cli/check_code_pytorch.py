#!/usr/bin/env python3
"""`lrlab code` against PyTorch itself.

For every optimizer (sgd with momentum and Nesterov, adam, adamw, rmsprop, adagrad) and every
decay with and without warmup: executes the generated PyTorch snippet on a dummy parameter,
steps the optimizer and scheduler over the run and compares the learning rate at every step
with `lrlab schedule` (1e-12 relative), and checks the optimizer's param_groups against the
config. The Lightning and Hugging Face snippets must parse (ast.parse); Hugging Face's LambdaLR
fallback is executed with torch too, and its TrainingArguments values are read back.

Usage: check_code_pytorch.py LRLAB_BINARY
Exit status: 0 pass, 1 failure, 77 skipped (no torch; a failure when LRLAB_REQUIRE_TORCH=1).
"""
import ast
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

SKIP = 77
STEPS = 60
RELATIVE = 1e-12

# Every optimizer with non-default hyper-parameters, and what torch's param_groups must hold.
OPTIMIZERS = {
    "sgd_nesterov": ({"type": "sgd", "momentum": 0.9, "nesterov": True, "weight_decay": 1e-3},
                     {"momentum": 0.9, "nesterov": True, "dampening": 0.0, "weight_decay": 1e-3}),
    "sgd_momentum": ({"type": "sgd", "momentum": 0.5, "weight_decay": 0.0},
                     {"momentum": 0.5, "nesterov": False, "dampening": 0.0, "weight_decay": 0.0}),
    "adam": ({"type": "adam", "beta1": 0.85, "beta2": 0.995, "eps": 1e-7, "weight_decay": 0.03},
             {"betas": (0.85, 0.995), "eps": 1e-7, "weight_decay": 0.03, "amsgrad": False}),
    "adamw": ({"type": "adamw", "beta1": 0.8, "beta2": 0.99, "eps": 3e-9},
              {"betas": (0.8, 0.99), "eps": 3e-9, "weight_decay": 0.01, "amsgrad": False}),
    "rmsprop": ({"type": "rmsprop", "alpha": 0.95, "eps": 1e-6, "momentum": 0.3,
                 "weight_decay": 0.02},
                {"alpha": 0.95, "eps": 1e-6, "momentum": 0.3, "weight_decay": 0.02,
                 "centered": False}),
    "adagrad": ({"type": "adagrad", "eps": 1e-9, "weight_decay": 0.05},
                {"eps": 1e-9, "weight_decay": 0.05, "lr_decay": 0.0,
                 "initial_accumulator_value": 0.0}),
}

# Every decay, some in two forms (a built-in torch scheduler and the LambdaLR fallback).
DECAYS = {
    "constant": {"decay": "constant"},
    "cosine": {"decay": "cosine", "min_lr": 1e-4},
    "cosine_to_zero": {"decay": "cosine"},
    "linear": {"decay": "linear"},
    "linear_min_lr": {"decay": "linear", "min_lr": 2e-4},
    "polynomial": {"decay": "polynomial", "power": 2.0},
    "polynomial_min_lr": {"decay": "polynomial", "power": 0.5, "min_lr": 1e-4},
    "exponential": {"decay": "exponential", "gamma": 0.95},
    "exponential_epochs": {"decay": "exponential", "gamma": 0.9, "steps_per_epoch": 4},
    "step": {"decay": "step", "gamma": 0.5, "step_size": 7},
    "cosine_restarts": {"decay": "cosine_restarts", "t0": 10, "min_lr": 1e-5},
    "cosine_restarts_mult": {"decay": "cosine_restarts", "t0": 5, "t_mult": 2},
    "inverse_sqrt": {"decay": "inverse_sqrt", "timescale": 6},
    "onecycle": {"decay": "onecycle", "pct_start": 0.25, "div_factor": 10.0,
                 "final_div_factor": 100.0},
    "wsd_linear": {"decay": "wsd", "decay_fraction": 0.3, "shape": "linear", "min_lr": 1e-4},
    "wsd_cosine": {"decay": "wsd", "decay_fraction": 0.25, "shape": "cosine"},
    "wsd_sqrt": {"decay": "wsd", "shape": "sqrt"},
    "cosine_past_total": {"decay": "cosine", "total_steps": 40},
    "step_short_of_total": {"decay": "step", "gamma": 0.7, "step_size": 9, "total_steps": 90},
}

WARMUPS = {"": {}, "+warmup": {"warmup_steps": 8, "warmup_start_factor": 0.1},
           "+warmup0": {"warmup_steps": 5}}


def lrlab(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"lrlab {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def expected_rates(binary, config_path):
    rows = list(csv.DictReader(io.StringIO(lrlab(binary, "schedule", "--config", config_path))))
    return [float(row["lr"]) for row in rows]


def close(a, b):
    return a == b or abs(a - b) <= RELATIVE * max(abs(a), abs(b))


def check_rates(torch, case, optimizer, scheduler, expected, failures):
    """Steps optimizer and scheduler over the run; the rate of each step must be lrlab's."""
    param = optimizer.param_groups[0]["params"][0]
    for step, want in enumerate(expected):
        got = optimizer.param_groups[0]["lr"]
        if not close(got, want):
            failures.append(f"{case}: step {step}: torch lr {got!r}, lrlab {want!r}")
            return
        param.grad = torch.full_like(param, 0.5)
        optimizer.step()
        scheduler.step()


def check_pytorch(torch, binary, case, config, path, expected, hyper, failures):
    """The snippet's optimizer holds the config's hyper-parameters and its rates are lrlab's;
    returns the scheduler's class name."""
    code = lrlab(binary, "code", "--config", path, "--target", "pytorch")
    namespace = {}
    exec(compile(code, f"<{case} pytorch>", "exec"), namespace)
    param = torch.nn.Parameter(torch.ones(3, dtype=torch.float64))
    optimizer, scheduler = namespace["make_optimizer"]([param])
    group = optimizer.param_groups[0]
    for key, want in hyper.items():
        got = tuple(group[key]) if isinstance(group[key], (list, tuple)) else group[key]
        if got != want:
            failures.append(f"{case}: param_groups[0][{key!r}] = {got!r}, config {want!r}")
    if config["schedule"]["decay"] != "onecycle" and group["initial_lr"] != config["schedule"]["lr"]:
        failures.append(f"{case}: initial_lr {group['initial_lr']!r}")
    check_rates(torch, case + " pytorch", optimizer, scheduler, expected, failures)
    return type(scheduler).__name__


def segment(code, tree, names):
    """The source of the top-level definitions and assignments of `names`."""
    parts = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            parts.append(ast.get_source_segment(code, node))
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id in names for t in node.targets):
            parts.append(ast.get_source_segment(code, node))
    return "\n".join(parts)


def check_hf(torch, binary, case, config, path, expected, failures):
    """The HF snippet parses; its LambdaLR fallback gives lrlab's rates, or its
    TrainingArguments hold the config's rate, steps and warmup. Returns the scheduler used."""
    code = lrlab(binary, "code", "--config", path, "--target", "hf")
    tree = ast.parse(code)
    if "def lr_at" in code:
        namespace = {"math": math}
        exec(compile(segment(code, tree, {"BASE_LR", "lr_at"}), f"<{case} hf>", "exec"),
             namespace)
        param = torch.nn.Parameter(torch.ones(3, dtype=torch.float64))
        optimizer = torch.optim.SGD([param], lr=namespace["BASE_LR"])
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda step: namespace["lr_at"](step) / namespace["BASE_LR"])
        check_rates(torch, case + " hf", optimizer, scheduler, expected, failures)
        return "LambdaLR"
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and getattr(n.func, "id", "") == "TrainingArguments"]
    args = {k.arg: ast.literal_eval(k.value) for k in calls[0].keywords}
    schedule = config["schedule"]
    want = {"learning_rate": schedule["lr"], "max_steps": config["steps"],
            "warmup_steps": schedule.get("warmup_steps", 0)}
    for key, value in want.items():
        if args.get(key) != value:
            failures.append(f"{case} hf: {key}={args.get(key)!r}, config {value!r}")
    return "hf " + args["lr_scheduler_type"]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = sys.argv[1]
    try:
        import torch
    except ImportError as error:
        message = f"check_code_pytorch: PyTorch is not importable ({error}); install python3-torch"
        print(message, file=sys.stderr)
        return 1 if os.environ.get("LRLAB_REQUIRE_TORCH") == "1" else SKIP
    torch.set_default_dtype(torch.float64)
    failures = []
    cases = 0
    used = {}  # scheduler -> configs that used it
    failed_cases = 0
    with tempfile.TemporaryDirectory() as folder:
        for decay_name, decay in DECAYS.items():
            for warmup_name, warmup in WARMUPS.items():
                if warmup and decay["decay"] == "onecycle":
                    continue  # onecycle has no warmup (docs/semantics.md §2.4)
                for opt_name, (opt, hyper) in OPTIMIZERS.items():
                    case = f"{opt_name}/{decay_name}{warmup_name}"
                    config = {"problem": {"type": "rosenbrock"}, "steps": STEPS,
                              "optimizer": opt, "schedule": {"lr": 0.03, **decay, **warmup}}
                    path = os.path.join(folder, "config.json")
                    with open(path, "w", encoding="utf-8") as f:
                        json.dump(config, f)
                    if opt_name == next(iter(OPTIMIZERS)):  # the schedule is the optimizer's
                        expected = expected_rates(binary, path)
                    if len(expected) != STEPS:
                        failures.append(f"{case}: lrlab schedule gave {len(expected)} rows")
                        continue
                    before = len(failures)
                    for name in (
                            check_pytorch(torch, binary, case, config, path, expected, hyper,
                                          failures),
                            check_hf(torch, binary, case, config, path, expected, failures)):
                        used[name] = used.get(name, 0) + 1
                    ast.parse(lrlab(binary, "code", "--config", path, "--target", "lightning"))
                    cases += 1
                    failed_cases += len(failures) > before
    for failure in failures:
        print("FAIL", failure)
    print(f"check_code_pytorch: torch {torch.__version__}; schedulers used: " +
          ", ".join(f"{name} {count}" for name, count in sorted(used.items())))
    print(f"{cases - failed_cases} passed, {failed_cases} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
