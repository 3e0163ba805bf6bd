#!/bin/bash
# Fresh-JVM cold start of ColdStart N under several JVM configurations, interleaved, five rounds
# (RESULTS.md, "Cold start with JDK 25's ahead-of-time cache"). Needs the benchmarks jar
# (./mvnw -B -pl mmf-benchmarks -am package -DskipTests) and, for the JDK 25 rows, a JDK 25 and an AOT
# cache written by one training run:
#   $JDK25/bin/java -XX:AOTCacheOutput=/tmp/mmf.aot -cp mmf-benchmarks/target/benchmarks.jar \
#       io.mmf.benchmarks.ColdStart 1000
# Usage: mmf-benchmarks/cold-start.sh [N] (from the repository root). Prints one line per run:
# configuration, then ColdStart's "subjects N wall_ms ... process_cpu_ms ... thread_cpu_ms ...".
set -euo pipefail
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
AOT=${AOT:-/tmp/mmf.aot}
N=${1:-1000}
CP="-cp mmf-benchmarks/target/benchmarks.jar io.mmf.benchmarks.ColdStart"
declare -A CMD=(
  [A_jdk17]="$JDK17/bin/java"
  [B_jdk17_serial]="$JDK17/bin/java -XX:+UseSerialGC"
  [C_jdk25]="$JDK25/bin/java"
  [D_jdk25_aot]="$JDK25/bin/java -XX:AOTCache=$AOT"
  [E_jdk25_aot_serial]="$JDK25/bin/java -XX:AOTCache=$AOT -XX:+UseSerialGC"
  [F_jdk25_aot_serial_c1]="$JDK25/bin/java -XX:AOTCache=$AOT -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  [G_jdk17_serial_c1]="$JDK17/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
)
for round in 1 2 3 4 5; do
  for k in A_jdk17 B_jdk17_serial C_jdk25 D_jdk25_aot E_jdk25_aot_serial F_jdk25_aot_serial_c1 G_jdk17_serial_c1; do
    echo "$k $(${CMD[$k]} $CP "$N" | grep "^subjects $N ")"
  done
done
