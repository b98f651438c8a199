# Per launch: user, kernel ticks and minor faults of each server over the seconds both share, from
# 90 s after the later one started to the last sample but one. Lines: epoch, pid, side, utime,
# stime, minflt, majflt (/proc/<pid>/stat, every 5 s).
import collections, sys
by = collections.defaultdict(dict)
for r in (l.split() for l in open(sys.argv[1])):
    if len(r) == 7:
        by[(r[1], r[2])][int(r[0])] = tuple(int(x) for x in r[3:6])
servers = sorted(by, key=lambda k: min(by[k]))
for a, b in zip(servers[0::2], servers[1::2]):
    start = max(min(by[a]), min(by[b])) + 90
    common = sorted(t for t in set(by[a]) & set(by[b]) if t >= start)
    t0, t1 = common[0], common[-2]
    d = {k[1] if a[1] != b[1] else k[0]: [by[k][t1][i] - by[k][t0][i] for i in range(3)] for k in (a, b)}
    for side, (u, k, f) in d.items():
        print("%s: %d s, user %d, kernel %d ticks, minor faults %d (%.0f/s)" % (side, t1 - t0, u, k, f, f / (t1 - t0)))
