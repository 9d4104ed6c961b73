#!/bin/sh
# A stand-in erk for the reliability suite. Appends its pid to $FAKE_DIR/pids (so a test can
# tell whether it ran at all), records its argv NUL-separated in $FAKE_DIR/argv, then sources
# $FAKE_DIR/run if present, and replays $FAKE_DIR/stdout, stderr and exit.
d=${FAKE_DIR:?}
echo $$ >> "$d/pids"
: > "$d/argv"
for a in "$@"; do printf '%s\000' "$a" >> "$d/argv"; done
[ -f "$d/run" ] && . "$d/run"
[ -f "$d/stdout" ] && cat "$d/stdout"
[ -f "$d/stderr" ] && cat "$d/stderr" >&2
code=0
[ -f "$d/exit" ] && read -r code < "$d/exit"
exit "$code"
