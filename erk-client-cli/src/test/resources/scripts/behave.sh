#!/bin/sh
# A stand-in erk whose behaviour is chosen by its first argument.
mode=$1
shift
case "$mode" in
  env) printf 'PYTHONUNBUFFERED=%s\n' "${PYTHONUNBUFFERED-unset}"; printf 'EXTRA=%s\n' "${EXTRA-unset}"
       printf 'HOME_SET=%s\n' "${HOME:+yes}"; pwd ;;
  stdin) if read -r line; then echo "read: $line"; else echo "stdin at EOF"; fi ;;
  argv) for a in "$@"; do printf '[%s]\n' "$a"; done ;;
  exit) echo "exiting with $1" >&2; exit "$1" ;;
  lines) i=0; while [ "$i" -lt "$1" ]; do echo "line $i"; i=$((i + 1)); done ;;
  slow-lines) for i in 1 2 3; do echo "tick $i"; sleep "$1"; done ;;
  ansi) printf '\033[32mgreen\033[0m\r\nprogress 10%%\rprogress 20%%\r\n\033]8;;https://x\007link\033]8;;\007\n'
        printf '\033[1mbold\033[22m tail' ;;
  mixed) echo "out 1"; echo "err 1" >&2; echo "out 2"; echo "err 2" >&2 ;;
  big) head -c "$1" /dev/zero | tr '\0' 'x' ;;
  hang) exec sleep 600 ;;
  grandchild-hang) sleep 600 & echo "spawned $!"; wait ;;
  grandchild-ignores-term) sh -c 'trap "" TERM; echo child-ready; while :; do sleep 1; done' &
        trap '' TERM; echo parent-ready; wait ;;
  grandchild-holds-stdout) sleep 30 & echo "parent done" ;;
  signal) echo "about to die" ; kill -"$1" $$ ;;
  utf8-boundary) head -c "$1" /dev/zero | tr '\0' x; printf '\303\251\360\237\232\200 end\n' ;;
  count) echo x >> "$1"; sleep "${2:-0}"; printf '{"success": true, "plans": [], "count": 0}\n' ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac
