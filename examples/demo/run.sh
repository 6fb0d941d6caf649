#!/usr/bin/env bash
# The demo, start to finish, on a machine with Java 17+ and nothing else (no AWS, no Docker):
# check the config and secrets, start the web mode, stop it the way ECS and Kubernetes do, run a task.
#   examples/demo/run.sh
# SUPERVISOR overrides how the supervisor is started (default: java -jar target/supervisor.jar).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# A demo passphrase, in the open on purpose. A real one comes from the platform's secret store.
export YAML_VAULT_PASSPHRASE=demo-passphrase

if [ -n "${SUPERVISOR:-}" ]; then
  read -r -a supervisor <<< "$SUPERVISOR"
else
  jar="$root/target/supervisor.jar"
  if [ ! -f "$jar" ]; then
    echo "Building target/supervisor.jar (once)..."
    (cd "$root" && mvn -B -q -DskipTests package)
  fi
  supervisor=(java -jar "$jar")
fi

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
indent() { sed 's/^/   | /'; }

cd "$here"

step "1. supervisor check: supervisor.yml parses, every mode resolves, every secret decrypts"
"${supervisor[@]}" check 2>&1 | indent

step "2. supervisor env --only-added: what the app gets on top of the environment (values masked)"
"${supervisor[@]}" env --only-added 2>&1 | indent

step "3. supervisor run web: prehook, then unicorn; stopped with TERM as 'docker stop', ECS and Kubernetes do"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Job control gives the background job its own process group and leaves SIGINT and SIGQUIT alone:
# without it, bash starts background jobs with both ignored, and the app would inherit that.
set -m
"${supervisor[@]}" run web > "$log" 2>&1 &
pid=$!
set +m
for _ in $(seq 1 300); do
  grep -q "listening on" "$log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "   (ready; sending TERM to the supervisor, pid $pid)"
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
indent < "$log"
echo "   exit code: $code  <- the unicorn preset turned TERM into QUIT, unicorn's graceful stop"

step "4. supervisor run task db:migrate: a one-off task with the same secrets"
task_code=0
"${supervisor[@]}" run task db:migrate 2>&1 | indent || task_code=$?
echo "   exit code: $task_code"

printf '\nDone. The same supervisor.yml drives the worker (supervisor run worker) and ad-hoc commands\n'
printf '(supervisor run oneoff bin/rake -T). See examples/demo/README.md.\n'
[ "$code" -eq 0 ] && [ "$task_code" -eq 0 ]
