#!/usr/bin/env bash
# Fake resque worker (https://github.com/resque/resque#signals): QUIT = wait for the child's job then
# exit, TERM/INT = kill the child and exit at once, USR1 = kill the child only, USR2 = pause, CONT = resume.
. "$(dirname "$0")/lib.sh"
on graceful QUIT
on fast TERM INT
trap 'note USR1 child-killed' USR1
trap 'note USR2 paused' USR2
trap 'note CONT resumed' CONT
serve resque
