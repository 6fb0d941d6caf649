#!/usr/bin/env bash
# Fake unicorn master (https://yhbt.net/unicorn/SIGNALS.html): QUIT = graceful shutdown,
# INT/TERM = quick shutdown, HUP/USR1/USR2/WINCH/TTIN/TTOU handled without stopping.
. "$(dirname "$0")/lib.sh"
on graceful QUIT
on fast TERM INT
on note HUP USR1 USR2 WINCH TTIN TTOU
serve unicorn
