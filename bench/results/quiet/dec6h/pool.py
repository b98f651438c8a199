#!/usr/bin/env python3
"""Pools the CPU ratios of several OverheadBench paired reports of the same command, two ways.

Pairs: each report's pair table gives one on/off ratio per pair; pooled, they give one median and
its distribution-free interval from order statistics, computed as MedianInterval does (the
narrowest [x(k), x(n-k+1)] that covers the median with at least 95 %), as a report pools the pairs
of its launches. Launches: each launch's own median ratio, from the launch table, pooled the same
way. The pairs of one launch share its two server JVMs (the code the JIT compiled for them, their
heaps), so launches differ by more than their pairs' intervals say: the launches' interval, wider,
is the one that counts those differences. The tables give ratios to three places, so a median pooled here
(the mean of the middle two of an even count) may read 0.001 off the report's own; the
intervals, single order statistics, read the same.

Usage: pool.py REPORT.md [REPORT.md ...]
"""
import math
import re
import sys

PAIR_ROW = re.compile(r"^\| \d+ \| [^|]+ \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|")
LAUNCH_ROW = re.compile(r"^\| \d+ \(.*?\) \| \d+ \| ([\d.]+) ")


def ratios(path, row):
    with open(path, encoding="utf-8") as report:
        return [float(m.group(1)) for m in map(row.match, report) if m]


def binomial(n, k):
    # P(Binomial(n, 1/2) = k), in logarithms as MedianInterval does.
    log = sum(math.log(n - k + i) - math.log(i) for i in range(1, k + 1))
    return math.exp(log - n * math.log(2))


def median_interval(values, level=0.95):
    values = sorted(values)
    n = len(values)
    median = (values[(n - 1) // 2] + values[n // 2]) / 2
    best, coverage, below = 0, float("nan"), 0.0
    for k in range(1, n // 2 + 1):
        below += binomial(n, k - 1)
        if 1 - 2 * below < level:
            break
        best, coverage = k, 1 - 2 * below
    if best == 0:
        sys.exit("%d values are too few for a %.0f %% interval" % (n, 100 * level))
    return median, values[best - 1], values[n - best], coverage, n


def main(paths):
    pairs, launches = [], []
    for path in paths:
        own = ratios(path, PAIR_ROW)
        if not own:
            sys.exit(f"{path}: no pair rows found; is it a --connections paired report?")
        print("%s: %.3f (%.1f %% interval %.3f to %.3f, %d pairs)" % ((path,) + swap(median_interval(own))))
        pairs += own
        launches += ratios(path, LAUNCH_ROW)
    print("pooled pairs: %.3f (%.1f %% interval %.3f to %.3f, %d pairs)" % swap(median_interval(pairs)))
    if len(launches) >= 6:
        print("pooled launches: %.3f (%.1f %% interval %.3f to %.3f, %d launches: %s)"
              % (swap(median_interval(launches)) + (", ".join("%.3f" % x for x in launches),)))
    else:
        print("launches: too few for an interval (%d)" % len(launches))


def swap(interval):
    median, low, high, coverage, n = interval
    return median, 100 * coverage, low, high, n


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip())
    main(sys.argv[1:])
