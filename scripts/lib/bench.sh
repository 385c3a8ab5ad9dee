# Shared by scripts/bench and scripts/ab (sourced, not run): the release build, the generated
# months and one measured run.

swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
mkdir -p bench-data

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The folder of the generated month for a dialect and size (written on first use, seed 42).
month_dir() {
    local dialect=$1 size=$2 dir
    dir=bench-data/month-$size
    [ "$dialect" = standard ] || dir=bench-data/$dialect-$size
    if [ ! -f "$dir/timesheets.csv" ]; then
        "$BIN/care-audit-synth" --output "$dir" --timesheet-rows "$size" --seed 42 --dialect "$dialect" 2>/dev/null
    fi
    echo "$dir"
}

# One run of "$@" (output discarded); prints "wall-seconds cpu-seconds peak-rss-kb".
run_once() {
    /usr/bin/time -f "%e %U %S %M" -o bench-data/time.txt "$@" >/dev/null 2>&1 || true
    read -r secs user sys kb < bench-data/time.txt
    echo "$secs $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $kb"
}

# Sets AUDIT_ARGS to the arguments of the whole audit of a month folder, JSON report to $2.
audit_args() {
    local dir=$1 report=$2
    AUDIT_ARGS=(audit --timesheets "$dir/timesheets.csv" --billing "$dir/billing.csv" --roster "$dir/roster.csv"
        --config "$dir/care-audit.yml" --format json --output "$report")
}
