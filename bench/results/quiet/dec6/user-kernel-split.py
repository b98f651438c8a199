# Splits each launch's server CPU into user and kernel time from user-kernel-ticks.txt (lines:
# epoch second, pid, side, utime, stime in 1/100 s ticks, from /proc/<pid>/stat every 5 s while
# OverheadBench ran). Per launch: the samples both servers share, from 90 s after the later one
# started (past the 60 s warm-up) to the last but one, so both cover the same seconds. In a
# --control run both servers are "off": the ratio is then the later-started one's over the other's.
import collections
import sys

rows = [line.split() for line in open(sys.argv[1] if len(sys.argv) > 1 else "user-kernel-ticks.txt")]
by = collections.defaultdict(dict)
for t, pid, side, user, kernel in (r for r in rows if len(r) == 5):
    by[(pid, side)][int(t)] = (int(user), int(kernel))
servers = sorted(by, key=lambda k: min(by[k]))
for a, b in zip(servers[0::2], servers[1::2]):
    start = max(min(by[a]), min(by[b])) + 90
    common = sorted(t for t in set(by[a]) & set(by[b]) if t >= start)
    t0, t1 = common[0], common[-2]
    spent = {}
    for k in (a, b):
        spent[k] = tuple(by[k][t1][i] - by[k][t0][i] for i in (0, 1))
        print(k, "seconds", t1 - t0, "user", spent[k][0], "kernel", spent[k][1])
    base, other = (a, b) if a[1] == b[1] or a[1] == "off" else (b, a)
    (uo, ko), (un, kn) = spent[base], spent[other]
    print("%s/%s user %.3f kernel %.3f total %.3f; difference user %d kernel %d ticks"
          % (other[1] if other[1] != base[1] else "later", base[1] if other[1] != base[1] else "earlier",
             un / uo, kn / ko, (un + kn) / (uo + ko), un - uo, kn - ko))
