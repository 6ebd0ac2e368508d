#!/bin/bash
# Our paper of 1,000 entries against LibreOffice printing the same CSV; our import of 10,000 rows against
# LibreOffice's CSV -> xlsx. Five interleaved runs, whole process (GNU time: wall time, peak RSS).
BIN=$(realpath "$1"); source "$(dirname "$0")/common.sh"
export HOME="$WORK/home"; mkdir -p "$HOME" lo
"$BIN" generate 1000 -o g1k.ron >/dev/null; "$BIN" export-csv g1k.ron -o e1k.csv >/dev/null
"$BIN" generate 10000 -o g10k.ron >/dev/null; "$BIN" export-csv g10k.ron -o e10k.csv >/dev/null
soffice --headless --convert-to pdf --outdir lo e1k.csv >/dev/null 2>&1  # the profile made once
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "ours, 1,000 entries to PDF: %e s, %M KB" "$BIN" export-pdf g1k.ron -o ours.pdf --force 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "LibreOffice, the CSV to PDF: %e s, %M KB" soffice --headless --convert-to pdf --outdir lo e1k.csv 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "ours, 10,000 CSV rows in: %e s, %M KB" "$BIN" import-csv e10k.csv -o imported.ron --force 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "LibreOffice, the CSV to xlsx: %e s, %M KB" soffice --headless --convert-to xlsx --outdir lo e10k.csv 2>&1 >/dev/null | tail -1
done
