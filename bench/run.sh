#!/usr/bin/env bash
# The supervisor's benchmark suite (issue 7). One command:
#
#   bench/run.sh                       # everything, ~10 minutes on 2 cores
#   RUNS=3 WARMUP=1 bench/run.sh       # fewer runs per measurement
#   bench/run.sh startup signal        # only some sections: startup secrets kms rss signal
#
# Builds target/supervisor.jar, a picocli hello-world jar and a C signal harness, measures whole processes
# (hyperfine --warmup, medians; ratios only between commands of the same hyperfine invocation) and writes
# the results between the GENERATED markers of docs/benchmarks.md. Scratch files go to bench/out/.
# Needs: JDK 17 (default java), Maven, gcc, python3, hyperfine; optional: JDK 25 at $JAVA25, ruby +
# ruby-activesupport, tini, dumb-init, catatonit (Debian packages; missing ones are skipped with a note).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT=$BENCH_DIR/out
DOC=$ROOT/docs/benchmarks.md
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
SIGNAL_TRIALS=${SIGNAL_TRIALS:-300}
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SECTIONS=("$@")
[ ${#SECTIONS[@]} -eq 0 ] && SECTIONS=(startup secrets kms rss signal)
COMMAND_LINE="bench/run.sh${*:+ $*} (RUNS=$RUNS WARMUP=$WARMUP SIGNAL_TRIALS=$SIGNAL_TRIALS)"

# The flag sets tried for start-up. The archive set adds the per-JDK class archive (CDS / AOT cache).
C1_SERIAL="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
declare -A FLAGS=(
  [default]=""
  [c1-serial]="$C1_SERIAL"
  [c1-serial-cic1]="$C1_SERIAL -XX:CICompilerCount=1"
  [c1-serial-archive]="$C1_SERIAL"
)
CONFIGS=(default c1-serial c1-serial-cic1 c1-serial-archive)

# yaml_vault's environment variables; the secrets file below is encrypted with them.
export YAML_VAULT_PASSPHRASE=bench-passphrase
export YAML_VAULT_SIGN_PASSPHRASE=bench-sign-passphrase

mkdir -p "$OUT"
RESULTS=$OUT/results.md
: >"$RESULTS"
emit() { printf '%s\n' "$*" >>"$RESULTS"; }
note() { printf '[bench] %s\n' "$*" >&2; }
wants() { local s; for s in "${SECTIONS[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --- build -----------------------------------------------------------------------------------------
build() {
  note "building target/supervisor.jar (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && { mvn -B -q -o -DskipTests package 2>/dev/null || mvn -B -q -DskipTests package; })
  (cd "$ROOT" && { mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$OUT/test.classpath" >/dev/null 2>&1 \
    || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test.classpath" >/dev/null; })
  SUP=$ROOT/target/supervisor.jar
  TEST_CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/test.classpath")

  local picocli_version picocli_jar
  picocli_version=$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' "$ROOT/pom.xml")
  picocli_jar=$HOME/.m2/repository/info/picocli/picocli/$picocli_version/picocli-$picocli_version.jar
  note "building the picocli hello jar against $picocli_jar"
  rm -rf "$OUT/hello-classes" && mkdir -p "$OUT/hello-classes"
  cp "$picocli_jar" "$OUT/picocli.jar"
  javac --release 17 -nowarn -cp "$OUT/picocli.jar" -d "$OUT/hello-classes" "$BENCH_DIR/hello/Hello.java"
  printf 'Main-Class: Hello\nClass-Path: picocli.jar\n' >"$OUT/hello.manifest"
  jar --create --file "$OUT/hello.jar" --manifest "$OUT/hello.manifest" -C "$OUT/hello-classes" .
  HELLO=$OUT/hello.jar

  note "building the signal harness"
  gcc -O2 -Wall -Wextra -o "$OUT/signal_latency" "$BENCH_DIR/signal_latency.c"

  note "writing the 100-value secrets file"
  : >"$OUT/plain.yml"
  for i in $(seq 0 99); do echo "key_$i: some-secret-value-$i" >>"$OUT/plain.yml"; done
  java -jar "$SUP" vault encrypt "$OUT/plain.yml" -o "$OUT/enc.yml"
  ENC=$OUT/enc.yml
}

# --- environment -------------------------------------------------------------------------------------
jdks() {
  JDK_NAMES=(jdk17)
  declare -gA JAVA=([jdk17]=$JAVA17)
  if [ -x "$JAVA25" ]; then JDK_NAMES+=(jdk25); JAVA[jdk25]=$JAVA25; fi
}

machine() {
  emit "- **Date:** $(date -u '+%Y-%m-%d %H:%M UTC')"
  emit "- **Command:** \`$COMMAND_LINE\`"
  emit "- **CPU:** $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), \`nproc\` = $(nproc)"
  emit "- **Kernel:** $(uname -srm)"
  emit "- **Load average at start:** $(load) (the machine is shared; see each section's load)"
  emit "- **Memory (\`free -h\`):**"
  emit ""
  emit '```'
  free -h >>"$RESULTS"
  emit '```'
  local j
  for j in "${JDK_NAMES[@]}"; do
    emit "- **$j:** \`${JAVA[$j]}\`: $("${JAVA[$j]}" -version 2>&1 | sed -n 2p)"
  done
  emit "- **Tools:** $(hyperfine --version), $(ruby --version 2>/dev/null | cut -d' ' -f1-2 || echo 'no ruby'), \
ActiveSupport $(ruby -e 'require "active_support"; print ActiveSupport::VERSION::STRING' 2>/dev/null || echo '-'), \
$(tini --version 2>/dev/null || echo 'no tini'), $(dumb-init --version 2>&1 | head -1 || echo 'no dumb-init'), \
catatonit $(dpkg-query -W -f='${Version}' catatonit 2>/dev/null || echo '-')"
  emit "- **Jar:** \`target/supervisor.jar\`, $(du -h "$SUP" | cut -f1) (shaded)"
}

# --- class archives (AppCDS on JDK 17, AOT cache on JDK 25) -----------------------------------------
# Trained once per JDK and program with the c1-serial flags and the command a container runs at start.
# The supervisor relaunches itself with the same command line, so the relaunched JVM is the one that
# writes the archive at exit (the first JVM ends in execve, not exit) and both JVMs map it later.
# JDK 25 refuses -Xshare:* next to -XX:AOTCache/-XX:AOTCacheOutput (sharing is on by default anyway).
without_xshare() { echo "${1//-Xshare:auto/}"; }

archive_flag() { # jdk program -> the flag that uses the archive
  case $1 in
    jdk17) echo "-XX:SharedArchiveFile=$OUT/$1-$2.jsa" ;;
    *) echo "-XX:AOTCache=$OUT/$1-$2.aot" ;;
  esac
}

train_archives() {
  local j java file train c1
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    c1=$C1_SERIAL; [ "$j" = jdk17 ] || c1=$(without_xshare "$C1_SERIAL")
    for program in supervisor hello; do
      case $j in
        jdk17) file=$OUT/$j-$program.jsa; train="-XX:ArchiveClassesAtExit=$file" ;;
        *) file=$OUT/$j-$program.aot; train="-XX:AOTCacheOutput=$file" ;;
      esac
      rm -f "$file"
      note "training $file"
      if [ $program = supervisor ]; then
        # shellcheck disable=SC2086
        "$java" $c1 $train -jar "$SUP" run --secrets "$ENC" -- /bin/true >/dev/null 2>"$OUT/train-$j-$program.log" || true
      else
        # shellcheck disable=SC2086
        "$java" $c1 $train -jar "$HELLO" >/dev/null 2>"$OUT/train-$j-$program.log" || true
      fi
      [ -s "$file" ] || note "no archive $file (see $OUT/train-$j-$program.log); the archive rows fall back to no archive"
    done
  done
}

flags_for() { # jdk config program
  local f=${FLAGS[$2]}
  if [ "$2" = c1-serial-archive ]; then
    local a; a=$(archive_flag "$1" "$3")
    if [ -s "${a#*=}" ]; then
      [ "$1" = jdk17 ] || f=$(without_xshare "$f")
      f="$f $a"
    fi
  fi
  echo "$f"
}

hf() { # json-file then hyperfine -n/command pairs
  local json=$1; shift
  hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" "$@" >/dev/null
}

# --- 1. start-up -----------------------------------------------------------------------------------
startup() {
  note "start-up: baselines"
  emit ""
  emit "### 1. Start-up overhead (load at start $(load))"
  emit ""
  local base=(-n "/bin/true" "/bin/true")
  command -v tini >/dev/null && base+=(-n "tini -s -- /bin/true" "tini -s -- /bin/true")
  command -v dumb-init >/dev/null && base+=(-n "dumb-init /bin/true" "dumb-init /bin/true")
  command -v catatonit >/dev/null && base+=(-n "catatonit -- /bin/true" "catatonit -- /bin/true")
  RUNS=$((RUNS * 4)) hf "$OUT/startup-native.json" "${base[@]}"
  emit "Native inits (${RUNS}×4 runs each; ratio vs \`/bin/true\`):"
  emit ""
  emit "| command | median (ms) | mean ± sd | min | runs | ratio |"
  emit "|---|---:|---:|---:|---:|---:|"
  python3 "$BENCH_DIR/render.py" startup "$OUT/startup-native.json" "/bin/true" >>"$RESULTS"

  local j java c fs fh
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    emit ""
    emit "**$j** — ratio = median / median of the picocli hello jar with the same flags, same hyperfine run:"
    emit ""
    emit "| flags | command | median (ms) | mean ± sd | min | runs | ratio vs hello |"
    emit "|---|---|---:|---:|---:|---:|---:|"
    for c in "${CONFIGS[@]}"; do
      note "start-up: $j $c"
      fs=$(flags_for "$j" "$c" supervisor)
      fh=$(flags_for "$j" "$c" hello)
      hf "$OUT/startup-$j-$c.json" \
        -n "picocli hello" "$java $fh -jar $HELLO" \
        -n "supervisor run -- /bin/true" "$java $fs -jar $SUP run -- /bin/true" \
        -n "supervisor run --exec -- /bin/true" "$java $fs -jar $SUP run --exec -- /bin/true" \
        -n "supervisor --version" "$java $fs -jar $SUP --version"
      python3 "$BENCH_DIR/render.py" startup "$OUT/startup-$j-$c.json" "picocli hello" | sed "s/^| /| $c | /" >>"$RESULTS"
    done
  done
  emit ""
  emit "Flag sets: \`default\` = none; \`c1-serial\` = \`$C1_SERIAL\`; \`c1-serial-cic1\` adds \`-XX:CICompilerCount=1\`;"
  emit "\`c1-serial-archive\` adds \`-XX:SharedArchiveFile=…jsa\` (JDK 17, trained with \`-XX:ArchiveClassesAtExit\`) or"
  emit "\`-XX:AOTCache=…aot\` (JDK 25, trained with \`-XX:AOTCacheOutput\`), one archive per program, trained with"
  emit "\`run --secrets enc.yml -- /bin/true\` (supervisor) or a bare start (hello). \`run\` without \`--exec\` starts two"
  emit "JVMs (the relaunch with signals blocked); both get the flags because the relaunch copies the command line."
  emit "Load at end: $(load)."
}

# --- 2. passphrase secrets -------------------------------------------------------------------------
secrets() {
  emit ""
  emit "### 2. Passphrase-encrypted secrets: 100 values, aes-256-cbc + sign passphrase (load at start $(load))"
  emit ""
  local have_ruby=0 j java c fs
  ruby -e 'require "active_support"' 2>/dev/null && have_ruby=1
  [ $have_ruby = 1 ] || emit "_Ruby with ActiveSupport is not installed: the Ruby row is skipped (apt-get install ruby-activesupport)._"
  if [ $have_ruby = 1 ]; then
    ruby "$BENCH_DIR/yaml_vault_decrypt.rb" "$ENC" >"$OUT/ruby.out"
    java -jar "$SUP" vault decrypt "$ENC" >"$OUT/java.out"
    if cmp -s "$OUT/ruby.out" "$OUT/java.out"; then
      emit "Output check: \`supervisor vault decrypt\` and the Ruby script print byte-identical YAML."
    else
      emit "**Output check failed:** \`supervisor vault decrypt\` and the Ruby script differ (see bench/out/ruby.out, java.out)."
    fi
    emit ""
  fi
  emit "| flags | command | median (ms) | mean ± sd | min | runs | ratio vs Ruby |"
  emit "|---|---|---:|---:|---:|---:|---:|"
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    for c in default c1-serial-archive; do
      note "secrets: $j $c"
      fs=$(flags_for "$j" "$c" supervisor)
      local cmds=(-n "$j supervisor vault decrypt enc.yml" "$java $fs -jar $SUP vault decrypt $ENC"
                  -n "$j supervisor run --secrets enc.yml -- /bin/true" "$java $fs -jar $SUP run --secrets $ENC -- /bin/true"
                  -n "$j supervisor run -- /bin/true" "$java $fs -jar $SUP run -- /bin/true")
      [ $have_ruby = 1 ] && cmds=(-n "Ruby ActiveSupport equivalent of yaml_vault decrypt" "ruby $BENCH_DIR/yaml_vault_decrypt.rb $ENC" "${cmds[@]}")
      hf "$OUT/secrets-$j-$c.json" "${cmds[@]}"
      python3 "$BENCH_DIR/render.py" startup "$OUT/secrets-$j-$c.json" "Ruby ActiveSupport equivalent of yaml_vault decrypt" \
        | sed "s/^| /| $c | /" >>"$RESULTS"
    done
  done
  emit ""
  emit "PBKDF2 share: \`dev.supervisor.bench.Pbkdf2Keys\` derives the two keys (32 + 64 bytes, 65536 iterations"
  emit "of HMAC-SHA1 each, empty salt) in a fresh JVM; \`DoNothing\` is the same JVM and class path doing nothing."
  emit "The difference of the medians is what key derivation costs every start."
  emit ""
  emit "| JDK | flags | Pbkdf2Keys median (ms) | DoNothing median (ms) | PBKDF2 cost (ms) |"
  emit "|---|---|---:|---:|---:|"
  local cp=$ROOT/target/classes:$ROOT/target/test-classes
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    note "secrets: PBKDF2 share $j"
    hf "$OUT/pbkdf2-$j.json" \
      -n "default Pbkdf2Keys" "$java -cp $cp dev.supervisor.bench.Pbkdf2Keys" \
      -n "default DoNothing" "$java -cp $cp dev.supervisor.bench.DoNothing" \
      -n "c1-serial Pbkdf2Keys" "$java $C1_SERIAL -cp $cp dev.supervisor.bench.Pbkdf2Keys" \
      -n "c1-serial DoNothing" "$java $C1_SERIAL -cp $cp dev.supervisor.bench.DoNothing"
    python3 - "$OUT/pbkdf2-$j.json" "$j" >>"$RESULTS" <<'EOF'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
for flags in ("default", "c1-serial"):
    k, n = r[flags + " Pbkdf2Keys"], r[flags + " DoNothing"]
    print(f"| {sys.argv[2]} | {flags} | {k:.0f} | {n:.0f} | {k - n:.0f} |")
EOF
  done
  emit ""
  emit "Load at end: $(load)."
}

# --- 3. KMS ----------------------------------------------------------------------------------------
kms() {
  note "kms: KmsDecryptionBench"
  emit ""
  emit "### 3. KMS: 100 distinct values through the production KmsCryptor (load at start $(load))"
  emit ""
  emit "\`java -cp target/test-classes:target/classes:<test deps> dev.supervisor.bench.KmsDecryptionBench 100 $RUNS 1 16 34 100\`"
  emit "(JDK 17; real SDK client, SigV4 signing and HTTP against \`KmsTestServer\` on loopback, one warm-up batch"
  emit "per row, fresh \`AwsServices\` per batch; 16 is the default concurrency)."
  emit ""
  "$JAVA17" -cp "$TEST_CP" dev.supervisor.bench.KmsDecryptionBench 100 "$RUNS" 1 16 34 100 >>"$RESULTS"
  emit ""
  emit "Load at end: $(load)."
}

# --- 4. RSS ----------------------------------------------------------------------------------------
rss_row() { # label added-flags java flags [trim]
  local label=$1 added=$2 java=$3 flags=$4 trim=${5:-} pid child i rss anon file after=""
  # shellcheck disable=SC2086
  "$java" $flags -jar "$SUP" run --secrets "$ENC" -- sleep 30 2>/dev/null &
  pid=$!
  child=""
  for i in $(seq 1 300); do
    child=$(pgrep -P "$pid" -x sleep || true)
    [ -n "$child" ] && break
    sleep 0.1
  done
  if [ -z "$child" ]; then
    emit "| $label | $added | (child never started) | | | |"
    kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return
  fi
  sleep 2
  read -r rss anon file < <(awk '/^VmRSS/{r=$2} /^RssAnon/{a=$2} /^RssFile/{f=$2} END{print r, a, f}' "/proc/$pid/status")
  if [ -n "$trim" ]; then
    local jcmd; jcmd=$(dirname "$java")/jcmd
    "$jcmd" "$pid" GC.run >/dev/null 2>&1 || true
    "$jcmd" "$pid" System.trim_native_heap >/dev/null 2>&1 || true
    sleep 1
    after=$(awk '/^VmRSS/{printf "%.1f", $2/1024}' "/proc/$pid/status")
  fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  emit "| $label | $added | $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$anon" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$file" 'BEGIN{printf "%.1f", k/1024}') | ${after:-–} |"
}

# Native Memory Tracking of the leanest configuration: where the remaining RSS is committed.
nmt() { # jdk java flags
  local j=$1 java=$2 flags=$3 pid child i
  # shellcheck disable=SC2086
  "$java" $flags -XX:NativeMemoryTracking=summary -XX:+StartAttachListener -jar "$SUP" run --secrets "$ENC" -- sleep 30 2>/dev/null &
  pid=$!
  for i in $(seq 1 300); do child=$(pgrep -P "$pid" -x sleep || true); [ -n "$child" ] && break; sleep 0.1; done
  sleep 2
  "$(dirname "$java")/jcmd" "$pid" VM.native_memory summary >"$OUT/nmt-$j.txt" 2>&1 || true
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  NMT_SUMMARY+="| $j | $(python3 "$BENCH_DIR/nmt_summary.py" "$OUT/nmt-$j.txt") |"$'\n'
}

rss() {
  NMT_SUMMARY=""
  emit ""
  emit "### 4. Steady-state RSS while the child sleeps, after decrypting the 100 secrets (load at start $(load))"
  emit ""
  emit "\`java FLAGS -jar target/supervisor.jar run --secrets enc.yml -- sleep 30\`; VmRSS of the relaunched JVM"
  emit "(the parent of \`sleep\`) 2 s after \`sleep\` started. One sample per row (RSS varies little between runs)."
  emit "The last column: after \`jcmd PID GC.run\` and \`jcmd PID System.trim_native_heap\`, standing in for a"
  emit "\`System.gc()\` + malloc trim the supervisor could do itself once preparation is over."
  emit ""
  emit "| JDK / row | flags (cumulative: each row adds to the one above) | VmRSS (MB) | RssAnon (MB) | RssFile (MB) | after GC + trim (MB) |"
  emit "|---|---|---:|---:|---:|---:|"
  local lean="-XX:+UseSerialGC -Xmx32m -Xms8m -XX:MaxHeapFreeRatio=10 -XX:MinHeapFreeRatio=5"
  local leaner="$lean -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -Xss256k -XX:MaxMetaspaceSize=64m"
  local trimmed="$leaner -XX:TrimNativeHeapInterval=1000"
  local j java arch
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    note "rss: $j"
    arch=$(archive_flag "$j" supervisor); [ -s "${arch#*=}" ] || arch=""
    rss_row "$j default" "(none)" "$java" "" trim
    rss_row "$j serial GC" "\`-XX:+UseSerialGC\`" "$java" "-XX:+UseSerialGC"
    rss_row "$j small heap" "+ \`-Xmx32m -Xms8m\`" "$java" "-XX:+UseSerialGC -Xmx32m -Xms8m"
    rss_row "$j tight free ratios" "+ \`-XX:MaxHeapFreeRatio=10 -XX:MinHeapFreeRatio=5\`" "$java" "$lean"
    rss_row "$j lean JIT, stacks, metaspace" "+ \`${leaner#"$lean "}\`" "$java" "$leaner"
    rss_row "$j native heap trim" "+ \`-XX:TrimNativeHeapInterval=1000\`" "$java" "$trimmed" trim
    [ -n "$arch" ] && rss_row "$j class archive" "+ \`${arch%%=*}\`" "$java" "$trimmed $arch" trim
    # Attaching jcmd needs the attach listener up front: -Xrs turns off the SIGQUIT that would start it.
    rss_row "$j attach listener (for the GC + trim column)" "+ \`-XX:+StartAttachListener\`" "$java" "$trimmed ${arch} -XX:+StartAttachListener" trim
    nmt "$j" "$java" "$trimmed ${arch}"
  done
  local init
  for init in "tini -s --" "dumb-init" "catatonit --"; do
    command -v "${init%% *}" >/dev/null || continue
    # shellcheck disable=SC2086
    $init sleep 30 & local pid=$!
    sleep 1
    emit "| ${init%% *} (for scale) | | $(awk '/^VmRSS/{printf "%.1f", $2/1024}' /proc/$pid/status) | | | |"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  done
  emit ""
  emit "Native Memory Tracking (\`-XX:NativeMemoryTracking=summary\`, \`jcmd PID VM.native_memory summary\`) of the"
  emit "native-heap-trim row plus the class archive: committed memory by JVM area (NMT counts committed, not resident,"
  emit "and does not see the mapped jar or libjvm's text; it explains the anonymous part)."
  emit ""
  emit "| JDK | NMT committed total (MB) | largest areas (MB) |"
  emit "|---|---:|---|"
  printf '%s' "$NMT_SUMMARY" >>"$RESULTS"
  emit ""
  emit "Load at end: $(load)."
}

# --- 5. signal latency -------------------------------------------------------------------------------
signal() {
  emit ""
  emit "### 5. Signal forwarding latency: USR1 to the init until the child's handler runs (load at start $(load))"
  emit ""
  emit "\`bench/out/signal_latency harness $SIGNAL_TRIALS 30 -- INIT bench/out/signal_latency child\`: $SIGNAL_TRIALS trials after"
  emit "30 warm-up trials, 3 ms apart; t0 = CLOCK_MONOTONIC before kill(2), t1 = CLOCK_MONOTONIC in the child's handler."
  emit ""
  emit "| init | p50 (µs) | p90 (µs) | p99 (µs) | max (µs) | mean (µs) | trials | lost |"
  emit "|---|---:|---:|---:|---:|---:|---:|---:|"
  local sl=$OUT/signal_latency
  sig_row() { local label=$1; shift; note "signal: $label"
    local r; r=$("$sl" harness "$SIGNAL_TRIALS" 30 -- "$@" 2>/dev/null) || r="failed"
    emit "| $label | ${r// / | } |"; }
  sig_row "none (kill the child directly)" "$sl" child
  command -v tini >/dev/null && sig_row "tini -s" tini -s -- "$sl" child
  command -v dumb-init >/dev/null && sig_row "dumb-init" dumb-init "$sl" child
  command -v catatonit >/dev/null && sig_row "catatonit" catatonit -- "$sl" child
  local j java arch
  for j in "${JDK_NAMES[@]}"; do
    java=${JAVA[$j]}
    sig_row "supervisor run, $j, default flags" "$java" -jar "$SUP" run -- "$sl" child
    arch=$(archive_flag "$j" supervisor); [ -s "${arch#*=}" ] || arch=""
    # shellcheck disable=SC2086
    sig_row "supervisor run, $j, c1-serial + archive" "$java" $(flags_for "$j" c1-serial-archive supervisor) -jar "$SUP" run -- "$sl" child
  done
  emit ""
  emit "Load at end: $(load)."
}

# --- main ------------------------------------------------------------------------------------------
started=$(date +%s)
jdks
build
emit "<!-- Written by bench/run.sh; do not edit by hand. -->"
machine
if wants startup || wants secrets || wants rss || wants signal; then train_archives; fi
wants startup && startup
wants secrets && secrets
wants kms && kms
wants rss && rss
wants signal && signal
emit ""
emit "Total bench time: $(( $(date +%s) - started )) s."

# Splice the results between the markers, keeping the hand-written text around them.
mkdir -p "$(dirname "$DOC")"
[ -f "$DOC" ] || printf '# Benchmarks\n\n<!-- BEGIN GENERATED RESULTS -->\n<!-- END GENERATED RESULTS -->\n' >"$DOC"
python3 - "$DOC" "$RESULTS" <<'EOF'
import sys
doc_path, results_path = sys.argv[1], sys.argv[2]
doc, results = open(doc_path).read(), open(results_path).read()
begin, end = "<!-- BEGIN GENERATED RESULTS -->", "<!-- END GENERATED RESULTS -->"
head, _, rest = doc.partition(begin)
_, _, tail = rest.partition(end)
open(doc_path, "w").write(head + begin + "\n" + results + end + tail)
EOF
note "results written to $DOC ($(( $(date +%s) - started )) s)"
