#!/usr/bin/env bash
# Fake sidekiq (https://github.com/sidekiq/sidekiq/wiki/Signals): TSTP = quiet (stop fetching, keep
# running), TERM (and INT) = finish jobs within -t then exit 0, TTIN = thread dump.
. "$(dirname "$0")/lib.sh"
on graceful TERM INT
trap 'note TSTP quiet' TSTP
on note TTIN USR2
serve sidekiq
