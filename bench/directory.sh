#!/usr/bin/env bash
# An organisation's own OpenLDAP behind the portal (docs/benchmarks.md): a real slapd (the tests') with PEOPLE people
# (default 10,000) for Adventure Works, the demo portal with the README's settings; then the time of the portal's
# readings of the directory (the first, whole, adds everyone; then readings of what changed and a whole one, which
# change nothing), with its resident memory after each; then whole sign-ins of a Contoso person (the portal's own directory) and of an Adventure Works
# person (a bind to slapd), one client program (KeycloakLoad) in alternating windows. Needs slapd (bin/test installs
# it). Arguments go to KeycloakLoad: [seconds] [rounds] [levels].
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$PWD/target/bench/directory
PORT=${PORTAL_PORT:-8090}
PEOPLE=${PEOPLE:-10000}
PASSWORD='Bench passphrase for directories'
mkdir -p "$WORK"
[ -f target/myaccount.jar ] || ./mvnw -q -DskipTests package
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
rm -rf "$WORK/portal-data"
stop() { kill "${PORTAL_PID:-}" 2>/dev/null || true; exec 3>&- || true; }
trap stop EXIT
wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }

# slapd serves as long as its standard input, this script's pipe, stays open.
mkfifo "$WORK/slapd.in" 2>/dev/null || true
java -cp "$CP" dev.myaccount.bench.BenchDirectory adventure-works.example "$PEOPLE" "$PASSWORD" \
    < "$WORK/slapd.in" > "$WORK/slapd.out" 2>&1 &
exec 3> "$WORK/slapd.in"
for _ in $(seq 1 600); do grep -q "added in" "$WORK/slapd.out" && break; sleep 0.5; done
cat "$WORK/slapd.out"
URL=$(sed -n 's/^url //p' "$WORK/slapd.out")

MYACCOUNT_DATA_DIR="$WORK/portal-data" MYACCOUNT_DEMO_PASSWORD="$PASSWORD" \
    java @jvm.options -jar target/myaccount.jar --demo \
    --server.port=$PORT --management.server.port=$((PORT + 1)) --myaccount.public-address=http://localhost:$PORT \
    --myaccount.signin.failures-per-address=100000000 --myaccount.directory.check-every=PT1S \
    --myaccount.directory.sync-every=PT20S --myaccount.directory.read-whole-every=PT45S > "$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
wait_for "http://localhost:$PORT/.well-known/openid-configuration"
grep -o "Hashing passwords with.*" "$WORK/portal.log" || true
rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$1/status"; }
echo "portal resident memory after start: $(rss $PORTAL_PID)"

command() { MYACCOUNT_DATA_DIR="$WORK/portal-data" "$@"; }
echo "service account secret" | command java -jar target/myaccount.jar directory --domain adventure-works.example \
    --set --url "$URL" --plain-for-testing --bind-dn cn=portal,dc=example,dc=org --people-base ou=people,dc=example,dc=org
# The portal reads the directory itself, as it does in production: at once and whole (every person added), then
# every 20 s, whole again once 45 s have passed since the last whole one (nothing changed) and between, only what
# changed (nothing); its log says how long each reading took, and its resident memory is read after each.
for reading in first second third fourth; do
    for _ in $(seq 1 600); do
        [ "$(grep -c "Read [0-9]* entries of the directory" "$WORK/portal.log")" -ge "${n:=1}" ] && break; sleep 0.5
    done
    echo "$reading reading: $(grep -o "Read [0-9]* entries of the directory.*" "$WORK/portal.log" | sed -n "${n}p")"
    echo "  portal resident memory $(rss $PORTAL_PID), its peak so far $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$PORTAL_PID/status")"
    n=$((n + 1))
done
app() {
    command java -jar target/myaccount.jar app --domain "$1" --create "Sign-in bench" \
        --redirect-uri "https://bench.$1/signed-in"
}
BUILTIN_APP=$(app contoso.example)
DIRECTORY_APP=$(app adventure-works.example)
id() { echo "$1" | sed -n 's/^Client id: *//p'; }
secret() { echo "$1" | sed -n 's/^Client secret: *//p'; }

SERVERS=built-in:BUILTIN:portal,directory:DIRECTORY:portal \
BUILTIN_URL=http://localhost:$PORT BUILTIN_CLIENT_ID=$(id "$BUILTIN_APP") BUILTIN_SECRET=$(secret "$BUILTIN_APP") \
BUILTIN_REDIRECT=https://bench.contoso.example/signed-in BUILTIN_USER=adele.vance@contoso.example \
BUILTIN_PASSWORD="$PASSWORD" \
DIRECTORY_URL=http://localhost:$PORT DIRECTORY_CLIENT_ID=$(id "$DIRECTORY_APP") \
DIRECTORY_SECRET=$(secret "$DIRECTORY_APP") DIRECTORY_REDIRECT=https://bench.adventure-works.example/signed-in \
DIRECTORY_USER=person0@adventure-works.example DIRECTORY_PASSWORD="$PASSWORD" \
    java -XX:TieredStopAtLevel=1 -cp "$CP" dev.myaccount.bench.KeycloakLoad sign_in "${1:-5}" "${2:-3}" \
    "${3:-1,2,4,8}"
echo "portal resident memory after the run: $(rss $PORTAL_PID)"
