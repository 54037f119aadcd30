#!/usr/bin/env sh
# Runs cmograph's benchmark harness and rewrites docs/benchmarks.md with its results.
#   scripts/benchmark.sh                          100, 1,000 and 10,000 studies (about an hour on 2 cores)
#   scripts/benchmark.sh --sizes 1000 --runs 1    one size, one run of each measurement
#   scripts/benchmark.sh --jmh                    also the JMH microbenchmarks
#   scripts/benchmark.sh --only load,queries      some parts only (load, queries, endpoint, summary, serve)
# Data and stores go under --work (default /tmp/cmograph-bench), never into the repository.
# BUILD_DIR (default target-bench) keeps this build apart from other builds in the same checkout.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/target-bench}
cd "$ROOT"
./mvnw -q -B -Dcmograph.build.dir="$BUILD_DIR" -DskipTests test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD_DIR/bench.classpath" >&2
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench.classpath")"
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -Dcmograph.home="$ROOT" -cp "$CP" \
  org.cmograph.bench.BenchmarkHarness "$@"
