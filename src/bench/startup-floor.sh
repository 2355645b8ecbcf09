#!/usr/bin/env bash
# The machine's floor for a start: an empty Micronaut app with the service's pom (same modules and versions), one
# Application class, H2 + Flyway with one table, health open. Builds it in a scratch directory, trains its AOT cache
# on JDK 25, then times starts with src/bench/startup.sh (JAR=...) so the figures compare with the service's.
#   src/bench/startup-floor.sh [runs] [port]      (prints the same lines as startup.sh, for the floor jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD; RUNS=${1:-2}; PORT=${2:-18092}
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
FLOOR=$(mktemp -d); trap 'rm -rf "$FLOOR"' EXIT
mkdir -p "$FLOOR/src/main/java/fr/cuf/rencontres" "$FLOOR/src/main/resources/db/migration"
cp pom.xml mvnw "$FLOOR/"; cp -r .mvn "$FLOOR/"; cp src/main/resources/logback.xml "$FLOOR/src/main/resources/"
cat > "$FLOOR/src/main/java/fr/cuf/rencontres/Application.java" <<'JAVA'
package fr.cuf.rencontres;

import io.micronaut.runtime.Micronaut;

/** The machine's floor: the same modules, no application bean. */
public final class Application {
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
JAVA
cat > "$FLOOR/src/main/resources/application.yml" <<'YAML'
micronaut:
  application:
    name: floor
  server:
    port: ${PORT:8080}
    thread-selection: BLOCKING
endpoints:
  health:
    enabled: true
    sensitive: false
datasources:
  default:
    url: jdbc:h2:file:./data/floor;MODE=PostgreSQL
    username: sa
    password: ''
    dialect: POSTGRES
flyway:
  datasources:
    default:
      enabled: true
      locations:
        - classpath:db/migration
YAML
echo "CREATE TABLE t (id BIGINT PRIMARY KEY);" > "$FLOOR/src/main/resources/db/migration/V1__t.sql"
(cd "$FLOOR" && ./mvnw -B -q -o package -DskipTests)
JAR=$FLOOR/target/rencontres-0.1.0.jar
OPTS="$(grep -v '^#' config/jvm.options | tr '\n' ' ')"
JAR=$JAR JAVA_OPTS="$OPTS" src/bench/startup.sh "$RUNS" "$PORT"
if [ -x "$J25" ]; then
  JAR=$JAR JAVA=$J25 JAVA_OPTS="$OPTS" src/bench/aot-train.sh "$FLOOR/floor.aot" "$PORT"
  JAR=$JAR JAVA=$J25 JAVA_OPTS="$OPTS -XX:AOTCache=$FLOOR/floor.aot" src/bench/startup.sh "$RUNS" "$PORT"
fi
