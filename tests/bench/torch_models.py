"""The PyTorch side shared by torch_check_models.py and torch_check_lr_finder.py: lrlab's
real-model problems (docs/semantics.md §2.2) rebuilt in PyTorch from a config and the files of an lrlab
--trace-dir (init.csv, batches.csv, split.csv). Imports torch: import it inside the scripts'
`try: ... except ImportError` so that they skip without PyTorch.
"""
import csv
import os

import torch

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources",
                    "datasets")


def read_rows(path):
    with open(path) as fh:
        return list(csv.reader(fh))


def load_dataset(name, feature=None):
    rows = read_rows(os.path.join(DATA, name + ".csv"))
    header, body = rows[0], rows[1:]
    X = [[float(v) for v in r[:-1]] for r in body]
    y = [float(r[-1]) for r in body]
    if feature is not None:
        j = header.index(feature)
        X = [[r[j]] for r in X]
    return X, y, header[-1] == "label"


def read_trace_dir(d):
    """init (flat parameters), batches (row lists), train and val rows of an lrlab trace dir."""
    init = [float(r[1]) for r in read_rows(os.path.join(d, "init.csv"))[1:]]
    batches = [[int(v) for v in r[1].split()] for r in read_rows(os.path.join(d, "batches.csv"))[1:]]
    split = read_rows(os.path.join(d, "split.csv"))[1:]
    train = [int(r[0]) for r in split if r[1] == "train"]
    val = [int(r[0]) for r in split if r[1] == "val"]
    return init, batches, train, val


def build(cfg, init, train):
    """The model (nn.Sequential of nn.Linear loaded from init), its torch.optim optimizer (lr to
    be set per step), the loss function, and the standardized features and labels or targets
    (standardized with the statistics of the train rows) of config cfg."""
    p = cfg["problem"]
    kind = p["type"]
    default = {"linreg": ("diabetes", "bmi"), "logreg": ("breast_cancer", "mean_radius")}
    dataset = p.get("dataset", default.get(kind, ("digits", None))[0])
    feature = p.get("feature", default.get(kind, (None, None))[1]) if kind in default else None
    X, y, classification = load_dataset(dataset, feature)
    Xd = torch.tensor(X, dtype=torch.float64)
    mean = Xd[train].mean(0)
    std = Xd[train].std(0, unbiased=False)
    std[std < 1e-12] = 1.0
    Xs = ((Xd - mean) / std).float()
    if classification:
        Y = torch.tensor(y, dtype=torch.int64)
    else:
        Yd = torch.tensor(y, dtype=torch.float64)
        Y = ((Yd - Yd[train].mean()) / Yd[train].std(unbiased=False)).float()
    classes = int(max(y)) + 1 if classification else 0
    sizes = [Xs.shape[1]] + (p.get("hidden", [32]) if kind == "mlp" else [])
    out = 1 if kind in ("linreg", "logreg") or not classification else classes
    layers = [torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:] + [out])]
    act = torch.nn.Tanh if p.get("activation", "relu") == "tanh" else torch.nn.ReLU
    seq = []
    for i, layer in enumerate(layers):
        seq.append(layer)
        if i + 1 < len(layers):
            seq.append(act())
    model = torch.nn.Sequential(*seq)
    with torch.no_grad():
        flat = torch.tensor(init, dtype=torch.float32)
        off = 0
        for prm in model.parameters():
            prm.copy_(flat[off:off + prm.numel()].view_as(prm))
            off += prm.numel()
    if kind == "logreg":
        loss_fn = lambda z, t: torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], t.float())
    elif classification:
        loss_fn = torch.nn.functional.cross_entropy
    else:
        loss_fn = lambda z, t: torch.nn.functional.mse_loss(z[:, 0], t)
    o = dict(cfg.get("optimizer", {"type": "sgd"}))
    t = o.pop("type")
    if t in ("adam", "adamw"):
        o["betas"] = (o.pop("beta1", 0.9), o.pop("beta2", 0.999))
        opt = (torch.optim.Adam if t == "adam" else torch.optim.AdamW)(model.parameters(), lr=1.0, **o)
    else:
        opt = {"sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop,
               "adagrad": torch.optim.Adagrad}[t](model.parameters(), lr=1.0, **o)
    return model, opt, loss_fn, Xs, Y
