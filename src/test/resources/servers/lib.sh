# shellcheck shell=bash
# Shared by the fake app servers: each one traps signals the way its real server documents them and
# appends what happens to $SIGNAL_LOG, one line each:
#   ready                   once the traps are in place (wait for it before signalling)
#   TERM, QUIT, ...         every signal received, by name
#   quiet, paused, ...      a state change that does not stop the server
#   graceful | fast         how a stop began
#   exit N                  the status it exits with: 0 after a graceful stop, 128+signal after a fast one
# GRACEFUL_SECONDS (default 0.2) is how long a graceful stop "finishes in-flight work"; set it high to
# test the supervisor's KILL escalation. Signals keep being handled during that pause.
#
# Started from a JVM, a child inherits HotSpot's blocked SIGQUIT (see notes/jvm-signals.md) and bash
# cannot unblock it: start these through the real supervisor (it spawns with an empty mask) or through
# `env --default-signal bash unicorn.sh`. Run them with bash: Maven's resource copy drops the exec bit.
: "${SIGNAL_LOG:?set SIGNAL_LOG to the file the fake server appends received signals to}"
GRACEFUL_SECONDS="${GRACEFUL_SECONDS:-0.2}"
sleeper=""

log() { printf '%s\n' "$*" >> "$SIGNAL_LOG"; }

# Sleep in the background and wait, so a trap runs as soon as its signal arrives (bash defers traps
# until a foreground command returns).
pause() { sleep "$1" & sleeper=$!; wait "$sleeper"; }

finish() {
  [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null
  log "exit $1"
  exit "$1"
}

graceful() { log "$1"; log graceful; stopping=1; pause "$GRACEFUL_SECONDS"; finish 0; }
fast() { log "$1"; log fast; finish $((128 + $(kill -l "$1"))); }
note() { log "$1"; [ -n "${2:-}" ] && log "$2"; [ -n "${2:-}" ] && echo "$2"; return 0; }

# on ACTION SIGNAL...: run "ACTION SIGNAL" when any of the signals arrives.
on() {
  local action=$1 sig
  shift
  for sig in "$@"; do trap "$action $sig" "$sig"; done
}

serve() {
  log ready
  echo "$1 ready (pid $$)"
  while :; do pause 1; done
}
