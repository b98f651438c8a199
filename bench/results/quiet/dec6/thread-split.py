# Per launch and thread group: user and kernel ticks over the seconds both servers share (from
# 90 s after the later one started to the last sample but one), summed over threads, each from its
# first to its last sample in that span. Lines: epoch, pid, side, tid, utime, stime, name.
import collections, gzip, sys

def group(name):
    if name.startswith("chanx"): return "server (chanx*)"
    if name.startswith(("C1_", "C2_")): return "JIT compiler"
    if name.startswith(("GC_", "G1_")): return "GC"
    if name.startswith("VM_Thread"): return "VM thread"
    if "Span" in name or "span" in name: return "span export"
    if name.startswith("scraper"): return "metrics scrape"
    return "rest"

rows = [l.split() for l in (gzip.open(sys.argv[1], 'rt') if sys.argv[1].endswith('.gz') else open(sys.argv[1]))]
by = collections.defaultdict(lambda: collections.defaultdict(dict))  # (pid, side) -> tid -> t -> (u, k, name)
for r in rows:
    if len(r) != 7: continue
    t, pid, side, tid, u, k, name = r
    by[(pid, side)][tid][int(t)] = (int(u), int(k), name)
servers = sorted(by, key=lambda s: min(min(ts) for ts in by[s].values()))
for a, b in zip(servers[0::2], servers[1::2]):
    times = lambda s: sorted({t for ts in by[s].values() for t in ts})
    start = max(times(a)[0], times(b)[0]) + 90
    common = [t for t in times(a) if t in set(times(b)) and t >= start]
    t0, t1 = common[0], common[-2]
    spent = {}
    for s in (a, b):
        g = collections.defaultdict(lambda: [0, 0])
        for tid, ts in by[s].items():
            inside = [t for t in ts if t0 <= t <= t1]
            if len(inside) < 2: continue
            first, last = ts[inside[0]], ts[inside[-1]]
            g[group(last[2])][0] += last[0] - first[0]
            g[group(last[2])][1] += last[1] - first[1]
        spent[s] = g
    base, other = (a, b) if a[1] == "off" or a[1] == b[1] else (b, a)
    print("launch: %s/%s over %d s" % (other[1], base[1], t1 - t0))
    for name in sorted(set(spent[base]) | set(spent[other])):
        (uo, ko), (un, kn) = spent[base][name], spent[other][name]
        print("  %-16s user %5d -> %5d (%+4d)  kernel %5d -> %5d (%+4d)" % (name, uo, un, un - uo, ko, kn, kn - ko))
