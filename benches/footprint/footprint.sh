#!/bin/bash
# The app's footprint under Xvfb (BENCHMARKS.md, "Footprint"): for each binary given, five
# interleaved runs of
#   start-up: the time from exec to the first painted frame of its window (firstpaint.c, polling
#             the X server every 1 ms), and to the window's map;
#   idle memory: launched, `xdotool search --sync --onlyvisible --pid`, then VmRSS after 6 s idle.
# Each run opens a fresh copy of the bundled register with fresh settings (its own XDG folders).
# Run it on a machine as quiet as can be had, and give the load average with the figures.
# usage: benches/footprint/footprint.sh BIN...   (from the repository's root; needs xvfb-run,
#        xdotool, gcc and the X11 headers). Prints each run, then the medians.
set -eu
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
runs=${RUNS:-5}
here=$(dirname "$0")
register=${REGISTER:-registers/leds-hob-open-space.ron}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/firstpaint" "$here/firstpaint.c" -lX11
# The binaries' pages are dropped from the page cache first, so that each is read from the disk
# as an installed one is: a binary the linker has just written sits in the cache in larger pieces,
# and maps about 2 MB more of itself into the process than the same file read back from the disk.
for bin in "$@"; do
    dd if="$bin" iflag=nocache count=0 status=none
done

# Fresh settings and a copy of the register for one run; sets $folder.
fresh() {
    folder=$(mktemp -d -p "$work")
    mkdir -p "$folder/data" "$folder/config"
    cp "$register" "$folder/register.ron"
}

start_up() {
    fresh
    local out pid
    out=$(XDG_DATA_HOME=$folder/data XDG_CONFIG_HOME=$folder/config \
        "$work/firstpaint" "$1" open "$folder/register.ron")
    pid=${out##* }
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "$out" | awk '{print $2, $4}'
}

idle_memory() {
    fresh
    XDG_DATA_HOME=$folder/data XDG_CONFIG_HOME=$folder/config \
        "$1" open "$folder/register.ron" >/dev/null 2>&1 &
    local pid=$!
    xdotool search --sync --onlyvisible --pid "$pid" >/dev/null
    sleep 6
    awk '/^VmRSS/ {print $2}' "/proc/$pid/status"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

for round in $(seq "$runs"); do
    for bin in "$@"; do
        read -r mapped painted < <(start_up "$bin")
        rss=$(idle_memory "$bin")
        echo "$round $bin mapped ${mapped} s painted ${painted} s idle ${rss} kB"
        echo "$bin $mapped $painted $rss" >>"$work/runs"
    done
done
for bin in "$@"; do
    m=$(awk -v b="$bin" '$1 == b {print $2}' "$work/runs" | median)
    p=$(awk -v b="$bin" '$1 == b {print $3}' "$work/runs" | median)
    r=$(awk -v b="$bin" '$1 == b {print $4}' "$work/runs" | median)
    echo "median $bin: mapped $m s, painted $p s, idle $(awk -v r="$r" 'BEGIN {printf "%.1f", r / 1000}') MB"
done
