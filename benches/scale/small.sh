#!/bin/bash
# The table's commands on a nanosecond clock, median of 7, at 100 / 1,000 / 10,000.
BIN=$(realpath "$1"); source "$(dirname "$0")/common.sh"
for n in 100 1000 10000; do
  inputs "$BIN" "$n"
  while IFS='|' read -r name args; do
    ts=()
    for _ in 1 2 3 4 5 6 7; do
      start=$(date +%s%N); "$BIN" ${args//SIZE/$n} >/dev/null 2>&1 || true; end=$(date +%s%N)
      ts+=($(( (end - start) / 100000 )))
    done
    echo "$name $n: $(echo "scale=1; $(printf '%s\n' "${ts[@]}" | median) / 10" | bc) ms"
  done <<< "$COMMANDS"
done
