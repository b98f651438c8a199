#!/usr/bin/env python3
"""Where two servers' samples differ, from OverheadBench --profile's collapsed stacks.

Usage: profile-split.py DIR  (reads DIR/server-1-fork*.collapsed, the "off" server, and
server-2-fork*.collapsed, the "on" one). Prints samples by thread group; kernel samples by thread
group and entry (the first kernel frame of a stack: the system call or exception that entered
the kernel), by leaf, and by entry and the user frame that entered; and, for the "on" server,
each telemetry hook's samples by the two frames beneath it (none: in the hook itself).
"""
import collections, glob, re, sys

def group(thread):
    name = re.sub(r"\s*tid=\d+\]$", "", thread.lstrip("["))
    name = re.sub(r"[-#]?\d+$", "", name)
    return name

def read(pattern):
    tot = collections.Counter(); entry = collections.Counter(); leaf = collections.Counter()
    user = collections.Counter(); entry_caller = collections.Counter()
    for path in sorted(glob.glob(pattern)):
        for line in open(path):
            line = line.rstrip("\n"); sp = line.rfind(" ")
            if sp < 0: continue
            n = int(line[sp+1:]); frames = line[:sp].split(";")
            g = group(frames[0]); tot[g] += n
            k = [i for i, f in enumerate(frames) if f.endswith("_[k]")]
            if not k:
                user[g] += n; continue
            first = frames[k[0]][:-4]
            caller = frames[k[0]-1] if k[0] > 1 else "?"
            caller = re.sub(r"_\[[ji01]\]$", "", caller)
            entry[(g, first)] += n; leaf[frames[-1][:-4]] += n
            entry_caller[(first, caller)] += n
    return tot, entry, leaf, user, entry_caller

d = sys.argv[1]
a = read(d + "/server-1-fork*.collapsed"); b = read(d + "/server-2-fork*.collapsed")
def show(title, ca, cb, top=25):
    print(f"\n## {title}\n| key | off | on | on-off |\n|---|---|---|---|")
    keys = set(ca) | set(cb)
    for k in sorted(keys, key=lambda k: -abs(cb[k]-ca[k]))[:top]:
        print(f"| {k} | {ca[k]} | {cb[k]} | {cb[k]-ca[k]:+d} |")
print("all samples: off", sum(a[0].values()), "on", sum(b[0].values()))
print("kernel samples: off", sum(a[1].values()), "on", sum(b[1].values()))
print("user samples: off", sum(a[3].values()), "on", sum(b[3].values()))
show("samples by thread group", a[0], b[0], 15)
show("kernel samples by thread group and entry", a[1], b[1])
show("kernel samples by leaf", a[2], b[2])
show("kernel samples by entry and the user frame that entered", a[4], b[4])

HOOKS = ("dev/chanx/micrometer/", "dev/chanx/opentelemetry/")
beneath = collections.Counter()
for path in sorted(glob.glob(d + "/server-2-fork*.collapsed")):
    for line in open(path):
        line = line.rstrip("\n"); sp = line.rfind(" ")
        if sp < 0 or not line.startswith("[chanx"): continue
        frames = line[:sp].split(";")
        at = next((i for i, f in enumerate(frames) if f.startswith(HOOKS)), None)
        if at is None: continue
        strip = lambda f: re.sub(r"\$\$Lambda\$\d+\.0x[0-9a-f]+", "$$Lambda", re.sub(r"_\[[ji01k]\]$", "", f))
        below = ";".join(strip(f) for f in frames[at + 1:at + 3]) or "(none)"
        beneath[(strip(frames[at]), below)] += int(line[sp + 1:])
print("\n## the \"on\" server's hooks, by the two frames beneath them\n| hook | beneath | samples |\n|---|---|---|")
for (hook, below), n in beneath.most_common(30):
    print(f"| {hook} | {below} | {n} |")
