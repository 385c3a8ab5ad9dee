#!/usr/bin/env bash
# The same checks for any other CI (GitLab, Jenkins, cron), on a folder of exports:
#   examples/ci/audit.sh EXPORTS [REPORTS]
# EXPORTS holds timesheets*.csv, billing*.csv, roster.csv and optionally care-audit.yml.
# Exit 0 clean, 1 findings at or above --fail-on, 2 the exports could not be read. Problems in
# the exports are listed by validate and do not stop the audit (they become INPUT001 findings).
# Reports land in REPORTS (default reports/): JUnit XML for the CI dashboard, JSON, HTML, text.
set -uo pipefail
exports=${1:-exports}
reports=${2:-reports}
mkdir -p "$reports"
config=()
[ -f "$exports/care-audit.yml" ] && config=(--config "$exports/care-audit.yml")
care-audit validate --timesheets "$exports"/timesheets*.csv --billing "$exports"/billing*.csv \
    --roster "$exports/roster.csv" "${config[@]}" --exit-zero --output "$reports/validation.json"
status=$?
if [ "$status" -eq 2 ]; then echo "exports could not be read; see above" >&2; exit 2; fi
care-audit audit --timesheets "$exports"/timesheets*.csv --billing "$exports"/billing*.csv \
    --roster "$exports/roster.csv" "${config[@]}" --quiet --fail-on error \
    --report "$reports/care-audit.xml" --report "$reports/care-audit.json" \
    --report "$reports/care-audit.html" --output "$reports/care-audit.txt"
status=$?
cat "$reports/care-audit.txt"
exit "$status"
