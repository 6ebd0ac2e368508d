#!/bin/bash
# export-pdf side by side: OLD and NEW interleaved at 1,000 entries (5 runs each), both at 10,000, NEW at 50,000.
OLD=$(realpath "$1"); NEW=$(realpath "$2"); source "$(dirname "$0")/common.sh"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1000 10000 50000; do "$NEW" generate "$n" -o "g$n.ron" --force >/dev/null; done
run() { /usr/bin/time -f "$1 $2 entries: %e s, %M KB" "$1" export-pdf "g$2.ron" -o "$3" --force 2>&1 >/dev/null | tail -1; stat -c "  %s bytes" "$3"; }
for _ in 1 2 3 4 5; do run "$OLD" 1000 old.pdf; run "$NEW" 1000 new.pdf; done
run "$OLD" 10000 old.pdf; run "$NEW" 10000 new.pdf
run "$NEW" 50000 new.pdf
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
