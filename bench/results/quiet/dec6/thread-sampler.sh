#!/bin/bash
# Every 5 s, for each observed server's thread: epoch second, pid, side, tid, user and kernel ticks, name.
while true; do
  now=$(date +%s)
  for pid in $(pgrep -f "dev.chanx.bench.observe.ObservedChatServer"); do
    side=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -o -- "--telemetry [a-z]*" | awk '{print $2}')
    for stat in /proc/$pid/task/*/stat; do
      line=$(cat "$stat" 2>/dev/null) || continue
      name=${line#*(}; name=${name%)*}
      rest=${line##*) }
      set -- $rest
      tid=${stat#/proc/$pid/task/}; tid=${tid%/stat}
      echo "$now $pid $side $tid ${12} ${13} ${name// /_}"
    done
  done
  sleep 5
done
