#!/usr/bin/env bash
# Fake puma (https://github.com/puma/puma/blob/master/docs/signals.md): TERM and INT = finish then exit;
# USR1/USR2 restarts and TTIN/TTOU handled without stopping. HUP without stdout_redirect "behaves like
# INT", so it stops too.
. "$(dirname "$0")/lib.sh"
on graceful TERM INT HUP
on note USR1 USR2 TTIN TTOU
serve puma
