#!/usr/bin/env bash
# Fake gunicorn master (https://gunicorn.org/signals): TERM = graceful shutdown, QUIT/INT = quick
# shutdown, HUP/USR1/USR2/TTIN/TTOU/WINCH handled without stopping.
. "$(dirname "$0")/lib.sh"
on graceful TERM
on fast QUIT INT
on note HUP USR1 USR2 TTIN TTOU WINCH
serve gunicorn
