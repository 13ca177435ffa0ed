#!/usr/bin/env python3
"""Markdown tables of the benchmarks' figure lines (tests/bench/bench_figures.h: one JSON object
a line, {"figure", "value", "unit", "goal", "what"}; other lines are ignored).

  bench-figures.py table FIGURES.jsonl
      what | value | unit | goal | met? -- the median of each figure's values; met? compares
      it with the goal (lower is better unless the unit ends in "/s").
  bench-figures.py compare OLD.jsonl NEW.jsonl [--no-old BENCH ...]
      figure | old | new | new/old | goal -- medians of each build's values; lines may carry a
      "bench" key (the benchmark that printed them); a figure of a BENCH in --no-old (it did not
      build or run against the old library) reads n/a for old.

Called by scripts/dev.sh bench and scripts/bench-compare.sh.
"""
import json
import statistics
import sys


def read_figures(path):
    """figure id -> {"values": [...], "unit", "goal", "what", "bench"} in first-seen order."""
    figures = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                record = json.loads(line)
                figure = record["figure"]
                value = float(record["value"])
            except (ValueError, KeyError, TypeError) as error:
                sys.exit(f"{path}:{number}: not a figure line ({error}): {line}")
            entry = figures.setdefault(figure, {"values": [], "unit": record.get("unit", ""),
                                                "goal": record.get("goal"),
                                                "what": record.get("what", figure),
                                                "bench": record.get("bench", "")})
            entry["values"].append(value)
    return figures


def number(value):
    return f"{value:.4g}"


def goal_met(value, goal, unit):
    if goal is None:
        return "–"
    higher_is_better = unit.endswith("/s")
    return "yes" if (value >= goal if higher_is_better else value <= goal) else "no"


def table(path):
    figures = read_figures(path)
    print("| what | value | unit | goal | met? |")
    print("|---|---:|---|---:|---|")
    for entry in figures.values():
        value = statistics.median(entry["values"])
        goal = entry["goal"]
        print(f"| {entry['what']} | {number(value)} | {entry['unit']} | "
              f"{'–' if goal is None else number(goal)} | {goal_met(value, goal, entry['unit'])} |")


def compare(old_path, new_path, no_old):
    old = read_figures(old_path)
    new = read_figures(new_path)
    print("| figure | old | new | new/old | goal |")
    print("|---|---:|---:|---:|---:|")
    for figure in list(new) + [f for f in old if f not in new]:
        o, n = old.get(figure), new.get(figure)
        entry = n or o
        old_text = number(statistics.median(o["values"])) if o else (
            "n/a" if entry["bench"] in no_old else "–")
        new_text = number(statistics.median(n["values"])) if n else "–"
        ratio = "–"
        if o and n and statistics.median(o["values"]) != 0:
            ratio = f"{statistics.median(n['values']) / statistics.median(o['values']):.3f}"
        goal = entry["goal"]
        unit = f" {entry['unit']}" if entry["unit"] else ""
        print(f"| {figure} ({entry['unit']}) | {old_text} | {new_text} | {ratio} | "
              f"{'–' if goal is None else number(goal) + unit} |")


def main(argv):
    if len(argv) == 3 and argv[1] == "table":
        table(argv[2])
    elif len(argv) >= 4 and argv[1] == "compare" and (len(argv) == 4 or argv[4] == "--no-old"):
        compare(argv[2], argv[3], set(argv[5:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
