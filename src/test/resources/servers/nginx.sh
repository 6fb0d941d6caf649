#!/usr/bin/env bash
# Fake nginx master (https://nginx.org/en/docs/control.html): QUIT = graceful shutdown, TERM/INT = fast
# shutdown, HUP/USR1/USR2/WINCH handled without stopping.
. "$(dirname "$0")/lib.sh"
on graceful QUIT
on fast TERM INT
on note HUP USR1 USR2 WINCH
serve nginx
