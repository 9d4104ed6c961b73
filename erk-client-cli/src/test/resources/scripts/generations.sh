#!/bin/sh
# A stand-in erk of a chosen generation: $ERK_VERSION for --version, $HAS_LINKED decides whether
# land-execute --help offers --linked-pr-number. Every call's argv is appended to $CALLS.
printf '%s\n' "$*" >> "${CALLS:?}"
case "$1 $2 $3" in
  "--version  ") echo "erk, version ${ERK_VERSION:?}" ;;
  "exec land-execute --help") echo "Options:"; [ -n "${HAS_LINKED:-}" ] && echo "  --linked-pr-number INTEGER" ;;
  "exec dash-data ") cat "${DASH_DATA:?}" ;;
  *) echo "ran $*" >&2 ;;
esac
exit 0
