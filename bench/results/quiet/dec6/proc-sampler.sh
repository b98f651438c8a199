#!/bin/bash
# Every 5 s, per observed server: epoch second, pid, side, user ticks, kernel ticks, minor faults,
# major faults (/proc/<pid>/stat fields 14, 15, 10, 12; the process's, dead threads included).
while true; do
  for pid in $(pgrep -f "dev.chanx.bench.observe.ObservedChatServer"); do
    side=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -o -- "--telemetry [a-z]*" | awk '{print $2}')
    line=$(cat /proc/$pid/stat 2>/dev/null) || continue
    rest=${line##*) }
    set -- $rest
    echo "$(date +%s) $pid $side ${12} ${13} ${8} ${10}"
  done
  sleep 5
done
