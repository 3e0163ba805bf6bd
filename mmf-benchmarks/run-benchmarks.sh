#!/usr/bin/env bash
# Runs the JMH suite (several minutes: the 10^6-subject population runs dominate) and writes
# mmf-benchmarks/RESULTS.md with the machine, the JDK and every figure with its error.
# Usage: mmf-benchmarks/run-benchmarks.sh [JMH regexp]   (default: the whole suite)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl mmf-benchmarks -am package -DskipTests
out="$(mktemp)"
java -jar mmf-benchmarks/target/benchmarks.jar "${1:-.*}" -prof gc -prof io.mmf.benchmarks.CpuTimeProfiler -rf text -rff "$out" >&2
{
  echo "# mmf-benchmarks: results"
  echo
  echo "Written by mmf-benchmarks/run-benchmarks.sh on $(date -u +%Y-%m-%d)."
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
  echo "- JDK: $(java -version 2>&1 | head -n 1)"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo
  cat mmf-benchmarks/targets.md
  echo
  echo "## Raw JMH output"
  echo
  echo "Scores are averages with their 99.9 % error (JMH); gc.alloc.rate.norm is bytes allocated per operation."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > mmf-benchmarks/RESULTS.md
rm -f "$out"
echo "wrote mmf-benchmarks/RESULTS.md" >&2
