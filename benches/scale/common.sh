# Shared by the scripts: a work folder and the generated inputs.
set -euo pipefail
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
median() { sort -n | awk '{a[NR]=$0} END{print a[int((NR+1)/2)]}'; }
# reg.ron (generate N), changed.ron (every twentieth concern extended), full.csv and blank.csv (ids blank).
inputs() {
  "$1" generate "$2" -o reg.ron --force >/dev/null
  python3 - <<'PY'
import csv, io, re
lines, out, k = open('reg.ron').read().split('\n'), [], 0
for line in lines:
    m = re.match(r'^(\s*)concern: "(.*)",$', line)
    if m:
        if k % 20 == 0:
            line = f'{m.group(1)}concern: "{m.group(2)} Reviewed again.",'
        k += 1
    out.append(line)
open('changed.ron', 'w').write('\n'.join(out))
PY
  "$1" export-csv reg.ron -o full.csv --force >/dev/null
  python3 - <<'PY'
import csv, io
rows = list(csv.reader(io.StringIO(open('full.csv', encoding='utf-8-sig', newline='').read())))
for row in rows[1:]:
    row[0] = ''
out = io.StringIO()
csv.writer(out, lineterminator='\r\n').writerows(rows)
open('blank.csv', 'w', encoding='utf-8-sig', newline='').write(out.getvalue())
PY
}
COMMANDS='check|check reg.ron
rank|rank reg.ron --format csv
export-csv|export-csv reg.ron -o out.csv --force
export-pdf|export-pdf reg.ron -o out.pdf --force
diff|diff reg.ron changed.ron
generate|generate SIZE -o gen.ron --force
blank-id import|import-csv blank.csv -o imported.ron --force'
