#!/bin/bash
# The scaling table: wall time and peak RSS (GNU time), median of 3, at 100 / 1,000 / 10,000 / 50,000.
BIN=$(realpath "$1"); source "$(dirname "$0")/common.sh"
for n in ${SIZES:-100 1000 10000 50000}; do
  inputs "$BIN" "$n"
  while IFS='|' read -r name args; do
    ts=(); ms=()
    for _ in 1 2 3; do
      # diff exits 1 when the registers differ, as they do here.
      /usr/bin/time -f "%e %M" -o rusage.txt "$BIN" ${args//SIZE/$n} >/dev/null 2>&1 || true
      read -r t m < rusage.txt; ts+=("$t"); ms+=("$m")
    done
    echo "$name $n: $(printf '%s\n' "${ts[@]}" | median) s, $(( $(printf '%s\n' "${ms[@]}" | median) / 1024 )) MB"
  done <<< "$COMMANDS"
done
