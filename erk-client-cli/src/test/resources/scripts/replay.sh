#!/bin/sh
# Replays a recorded erk answer: $REPLAY_DIR/<name>.stdout, .stderr and .exit, where <name> is
# $REPLAY_NAME. Records its argv, one argument per line, in $REPLAY_DIR/argv when that is set.
dir=${REPLAY_DIR:?}
name=${REPLAY_NAME:?}
if [ -n "${REPLAY_ARGV:-}" ]; then
  : > "$REPLAY_ARGV"
  for arg in "$@"; do printf '%s\n' "$arg" >> "$REPLAY_ARGV"; done
fi
[ -f "$dir/$name.stdout" ] && cat "$dir/$name.stdout"
[ -f "$dir/$name.stderr" ] && cat "$dir/$name.stderr" >&2
code=0
[ -f "$dir/$name.exit" ] && read -r code < "$dir/$name.exit"
exit "$code"
