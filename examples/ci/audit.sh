#!/usr/bin/env bash
# The same checks for any other CI (GitLab, Jenkins, cron): exit 0 clean, 1 findings at or above
# --fail-on, 2 the audit could not run. Reports land in reports/; JUnit XML for the CI dashboard.
set -uo pipefail
exports=${1:-exports}
mkdir -p reports
care-audit validate --timesheets "$exports"/timesheets-*.csv --billing "$exports"/billing-*.csv \
    --roster "$exports"/roster.csv --format json --output reports/validation.json
status=$?
if [ "$status" -eq 2 ]; then echo "exports could not be read; see above" >&2; exit 2; fi
care-audit audit --timesheets "$exports"/timesheets-*.csv --billing "$exports"/billing-*.csv \
    --roster "$exports"/roster.csv --quiet --fail-on error \
    --report junit=reports/care-audit.xml --report json=reports/care-audit.json \
    --report html=reports/care-audit.html --output reports/care-audit.txt
status=$?
cat reports/care-audit.txt
exit "$status"
