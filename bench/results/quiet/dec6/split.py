# Splits each launch's server CPU into user and kernel time, and counts minor page faults when the
# readings have them. Lines, one per server every 5 s while OverheadBench ran (proc-sampler.sh):
# epoch second, pid, side, utime, stime (1/100 s ticks), and then minflt, majflt; the readings of
# the first runs have only the first five fields. Per launch: the samples both servers share, from
# 90 s after the later one started (past the 60 s warm-up) to the last but one, so both cover the
# same seconds. In a --control run both servers are "off": the ratio is then the later-started
# one's over the other's.
import collections
import sys

by = collections.defaultdict(dict)
for row in (line.split() for line in open(sys.argv[1])):
    if len(row) in (5, 7):
        by[(row[1], row[2])][int(row[0])] = tuple(int(x) for x in row[3:6])
servers = sorted(by, key=lambda k: min(by[k]))
for a, b in zip(servers[0::2], servers[1::2]):
    start = max(min(by[a]), min(by[b])) + 90
    common = sorted(t for t in set(by[a]) & set(by[b]) if t >= start)
    t0, t1 = common[0], common[-2]
    spent = {}
    for k in (a, b):
        spent[k] = [by[k][t1][i] - by[k][t0][i] for i in range(len(by[k][t1]))]
        faults = ", minor faults %d (%.0f/s)" % (spent[k][2], spent[k][2] / (t1 - t0)) if len(spent[k]) > 2 else ""
        print(k, "seconds", t1 - t0, "user", spent[k][0], "kernel", spent[k][1], "ticks" + faults)
    base, other = (a, b) if a[1] == b[1] or a[1] == "off" else (b, a)
    (uo, ko), (un, kn) = spent[base][:2], spent[other][:2]
    print("%s/%s user %.3f kernel %.3f total %.3f; difference user %d kernel %d ticks"
          % (other[1] if other[1] != base[1] else "later", base[1] if other[1] != base[1] else "earlier",
             un / uo, kn / ko, (un + kn) / (uo + ko), un - uo, kn - ko))
