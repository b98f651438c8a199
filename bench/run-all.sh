#!/usr/bin/env bash
# Runs every benchmark of issue 8 in one go and writes bench/results/:
#   jmh.txt, jmh.json, cpu-per-op.md      dispatch: decode + validate + dispatch one frame vs Jackson (JMH, -prof gc)
#   schema-jmh.*, schema-cpu-per-op.md     schema (issue 14): generated draft-07 validation vs networknt, same frames
#   load.md, load-*.csv, latency.png       load: Chanx, bare Jetty, Node ws, Quarkus WS Next, same clients, same run
#   connections.md, connections.csv        memory per idle connection at 10,000 connections, Chanx vs bare Jetty
#   generator.md, generator.json           cold chanx-gen vs `asyncapi generate models java` (hyperfine)
#   summary.md                             every target of the issue as a ratio from this run, met or missed
#   fanout.md, fanout.csv                  issue 21: server CPU per delivery from /proc/<pid>/stat, Node ws load
#                                          client, four servers in rotation, 3 rounds after 2 warm-ups, medians
# Each part can be run alone: bench/run-all.sh dispatch|schema|load|connections|generator|summary|fanout (several
# may be given). `fanout` is not in the default set: run it on its own, on a machine otherwise idle (about 12 min).
# SKIP_BUILD=1 reuses the jars already built. Takes about 10 minutes on 2 cores, builds not counted.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${CHANX_BUILD_DIR:-target-bench}"
out="${CHANX_BENCH_OUT:-bench/results}"
specs="${CHANX_SPECS:-$root/../shared/specs}"
asyncapi_dir="${ASYNCAPI_CLI_DIR:-/tmp/chanx-bench-asyncapi-cli}"
asyncapi_version="4.1.1"
bench_jar="bench/$build_dir/chanx-bench.jar"
parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(dispatch schema load connections generator summary)
mkdir -p "$out"

say() { echo "== $(date +%H:%M:%S) $*" >&2; }
wants() { local p; for p in "${parts[@]}"; do [[ "$p" == "$1" ]] && return 0; done; return 1; }

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  say "build (Maven: bench, generated example, CLI into $build_dir; Quarkus peer; npm)"
  mvn -q -P bench -pl bench,generated-example,examples/spring-boot-chat,generator/cli -am package -DskipTests \
    -Dchanx.build.dir="$build_dir"
  if ! mvn -q -f bench/quarkus/pom.xml package -DskipTests; then
    echo "Quarkus peer did not build; the load run will skip it" >&2
  fi
  (cd bench/node && npm ci --no-audit --no-fund --silent)
  if wants generator && [[ ! -x "$asyncapi_dir/node_modules/.bin/asyncapi" ]]; then
    npm install --prefix "$asyncapi_dir" --no-audit --no-fund --silent "@asyncapi/cli@$asyncapi_version"
  fi
fi

if wants dispatch; then
  say "1/4 dispatch (JMH)"
  java -cp "$bench_jar" org.openjdk.jmh.Main DispatchBench -prof gc -rf json -rff "$out/jmh.json" ${JMH_OPTIONS:-} \
    | tee "$out/jmh.txt"
  # The same variants by CPU time per operation, which other work on the machine barely moves.
  java -cp "$bench_jar" dev.chanx.bench.dispatch.CpuPerOp | tee "$out/cpu-per-op.md"
fi

if wants schema; then
  say "1b/4 schema (JMH and CPU per op): generated validation vs networknt json-schema-validator"
  java -cp "$bench_jar" org.openjdk.jmh.Main SchemaBench -prof gc -rf json -rff "$out/schema-jmh.json" ${JMH_OPTIONS:-} \
    | tee "$out/schema-jmh.txt"
  java -cp "$bench_jar" dev.chanx.bench.schema.SchemaCpuPerOp | tee "$out/schema-cpu-per-op.md"
fi

if wants load; then
  say "2/4 load (four servers, each its own process)"
  ulimit -n 20000
  servers="chanx,jetty,node,quarkus"
  [[ -f bench/quarkus/target/quarkus-app/quarkus-run.jar ]] || servers="chanx,jetty,node"
  java -Xmx3g -cp "$bench_jar" dev.chanx.bench.load.LoadBench --servers "$servers" --build-dir "$build_dir" \
    --out "$out" ${LOAD_OPTIONS:-}
fi

if wants connections; then
  say "3/4 idle connections (10,000)"
  ulimit -n 20000
  java -Xmx6g -cp "$bench_jar" dev.chanx.bench.load.IdleConnections --servers chanx,jetty --connections 10000 \
    --build-dir "$build_dir" --out "$out"
fi

if wants generator; then
  say "4/4 generator (cold processes, 5 runs each)"
  spec="$(ls -S "$specs"/*/*.json "$specs"/*/*.y*ml 2>/dev/null | head -1)"
  echo "largest document: $spec ($(wc -c < "$spec") bytes)" >&2
  asyncapi="$asyncapi_dir/node_modules/.bin/asyncapi"
  "$asyncapi" config analytics --disable > /dev/null
  gen=/tmp/chanx-bench-gen
  # bin/chanx-gen as a user runs it, on the jar built above. Its first run after a build makes
  # the class-data archive next to the jar (a training run): timed once here, outside hyperfine.
  export CHANX_BUILD_DIR="$build_dir"
  rm -rf "$gen" generator/cli/"$build_dir"/chanx-gen-*.jsa
  first="$(date +%s%N)"
  bin/chanx-gen generate -s "$spec" -o "$gen/chanx" -p dev.chanx.bench.fixture > /dev/null
  echo "first run after the build (makes the archive): $(( ($(date +%s%N) - first) / 1000000 )) ms" >&2
  hyperfine --runs 5 --warmup 0 --style basic --prepare "rm -rf $gen" \
    --export-json "$out/generator.json" --export-markdown "$out/generator.md" \
    -n "chanx-gen generate" "bin/chanx-gen generate -s $spec -o $gen/chanx -p dev.chanx.bench.fixture" \
    -n "asyncapi generate models java ($("$asyncapi" --version | cut -d' ' -f1))" \
    "$asyncapi generate models java $spec -o $gen/modelina --packageName=dev.chanx.bench.fixture --no-interactive"
fi

if wants fanout; then
  say "fanout (issue 21): Node ws load client, server CPU from /proc/<pid>/stat, rotated rounds, medians"
  ulimit -n 20000
  servers="chanx,spring,jetty,node,quarkus"
  [[ -f bench/quarkus/target/quarkus-app/quarkus-run.jar ]] || servers="chanx,spring,jetty,node"
  java -Xmx1g -cp "$bench_jar" dev.chanx.bench.load.FanoutRounds --servers "$servers" --build-dir "$build_dir" \
    --out "$out" ${FANOUT_OPTIONS:-}
fi

if wants summary; then
  java -cp "$bench_jar" dev.chanx.bench.report.Summary "$out"
fi
