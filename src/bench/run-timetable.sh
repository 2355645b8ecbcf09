#!/bin/sh
# Timetabling benchmarks (issue 3): ./src/bench/run-timetable.sh [demoSeconds=1] [largeSeconds=30] [demoRounds=3]
# Prints one RESULT line per run at the end (round 1 of the demo is a fresh JVM, later rounds a warm one).
# Compiles the project, then this plain main (no JMH) against the project's classes and dependencies.
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
mkdir -p target/bench-classes
javac --release 17 -cp "target/classes:$(cat target/bench.cp)" -d target/bench-classes \
  src/bench/java/fr/cuf/rencontres/bench/TimetableBench.java
exec java -XX:ActiveProcessorCount="${CORES:-2}" -cp "target/bench-classes:target/classes:$(cat target/bench.cp)" \
  fr.cuf.rencontres.bench.TimetableBench "$@"
