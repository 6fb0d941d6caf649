#!/usr/bin/env python3
"""Turns hyperfine --export-json files into Markdown table rows for docs/benchmarks.md.

  render.py startup JSON REF_NAME     rows: name | median | mean ± sd | min | ratio to REF_NAME (same run)
  render.py plain JSON                rows: name | median | mean ± sd | min
Every hyperfine command is named with -n; the ratio is of medians within one hyperfine invocation, so both
sides saw the same machine state.
"""
import json
import statistics
import sys


def load(path):
    with open(path) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def ms(seconds):
    return f"{seconds * 1000:.0f}" if seconds >= 0.0095 else f"{seconds * 1000:.1f}"


def row(name, r, ref=None):
    times = r["times"]
    median = statistics.median(times)
    sd = statistics.stdev(times) if len(times) > 1 else 0.0
    cells = [name, ms(median), f"{ms(r['mean'])} ± {ms(sd)}", ms(min(times)), str(len(times))]
    if ref is not None:
        ref_median = statistics.median(ref["times"])
        cells.append(f"{median / ref_median:.2f}×" if ref is not r else "1.00× (ref)")
    return "| " + " | ".join(cells) + " |"


def main():
    mode, path = sys.argv[1], sys.argv[2]
    results = load(path)
    ref = results.get(sys.argv[3]) if mode == "startup" and len(sys.argv) > 3 else None
    for name, r in results.items():
        print(row(name, r, ref) if mode == "startup" else row(name, r))


if __name__ == "__main__":
    main()
