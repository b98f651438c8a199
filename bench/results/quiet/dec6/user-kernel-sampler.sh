#!/bin/bash
# every 5 s: epoch, pid, side, utime, stime (ticks) of each observed server
while true; do
  for pid in $(pgrep -f "dev.chanx.bench.observe.ObservedChatServer"); do
    side=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -o -- "--telemetry [a-z]*" | awk '{print $2}')
    read -r ut st < <(awk '{print $14, $15}' /proc/$pid/stat 2>/dev/null)
    [ -n "$ut" ] && echo "$(date +%s) $pid $side $ut $st"
  done
  sleep 5
done
