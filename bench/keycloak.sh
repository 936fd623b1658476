#!/usr/bin/env bash
# The portal (the README's settings) against Keycloak 26.7 (its defaults, dev-file database, and the portal's Argon2id
# cost), on this machine, one client program (KeycloakLoad) in alternating windows (docs/benchmarks.md): grants per
# second (client credentials, refresh, authorization code) and whole sign-ins (sign_in). Fetches Keycloak's
# distribution from Maven Central through the Maven wrapper; runs it on a JDK 21 or newer (KEYCLOAK_JAVA, Temurin 25
# by default here). Arguments go to KeycloakLoad: [operations] [seconds] [rounds] [levels].
set -euo pipefail
cd "$(dirname "$0")/.."
KC_VERSION=26.7.3
WORK=$PWD/target/bench/keycloak
KC_HOME=$WORK/keycloak-$KC_VERSION
KEYCLOAK_JAVA=${KEYCLOAK_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORTAL_PORT=${PORTAL_PORT:-8090}
KC_PORT=${KC_PORT:-8180}
mkdir -p "$WORK"

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    ./mvnw -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz -DoutputDirectory="$WORK"
    tar -xzf "$WORK/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$WORK"
    JAVA_HOME=$KEYCLOAK_JAVA "$KC_HOME/bin/kc.sh" build --db=dev-file > "$WORK/build.log"
fi
[ -f target/myaccount.jar ] || ./mvnw -q -DskipTests package
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

rm -rf "$KC_HOME/data" "$WORK/portal-data"
stop() { kill "${PORTAL_PID:-}" "$KC_PID" 2>/dev/null || true; }
trap stop EXIT
wait_for() { for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }

# One after the other: each starts alone, and the portal's measurement of the Argon2id implementations at start-up
# (which chooses the one it hashes with) is not disturbed by Keycloak's start.
KC_START=$(date +%s%N)
JAVA_HOME=$KEYCLOAK_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port=$KC_PORT \
    --hostname-strict=false --spi-password-hashing--argon2--memory=19456 --spi-password-hashing--argon2--iterations=2 \
    > "$WORK/keycloak.log" 2>&1 &
KC_PID=$!
wait_for "http://127.0.0.1:$KC_PORT/realms/master/.well-known/openid-configuration"
echo "Keycloak ready after $(( ($(date +%s%N) - KC_START) / 1000000 )) ms"
PORTAL_START=$(date +%s%N)
PASSWORD='Bench passphrase for grants'
MYACCOUNT_DATA_DIR="$WORK/portal-data" MYACCOUNT_DEMO_PASSWORD="$PASSWORD" \
    java @jvm.options -jar target/myaccount.jar --demo \
    --server.port=$PORTAL_PORT --management.server.port=$((PORTAL_PORT + 1)) \
    --myaccount.public-address=http://localhost:$PORTAL_PORT > "$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
wait_for "http://localhost:$PORTAL_PORT/.well-known/openid-configuration"
echo "portal ready after $(( ($(date +%s%N) - PORTAL_START) / 1000000 )) ms"
grep -o "Hashing passwords with.*" "$WORK/portal.log" || true
KC_JAVA_PID=$(pgrep -n -f "kc.home.dir=$KC_HOME" || echo "$KC_PID")
rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$1/status"; }
echo "resident memory after start: portal $(rss $PORTAL_PID), Keycloak $(rss $KC_JAVA_PID)"

ADMIN_TOKEN=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "http://127.0.0.1:$KC_PORT/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"realm":"bench","id":"bench","enabled":true}' "http://127.0.0.1:$KC_PORT/admin/realms"
# Keycloak signs access tokens with its default, RS256, unless KEYCLOAK_ACCESS_ALG=ES256 (the portal's default) asks for
# the same algorithm on both sides; ID tokens are RS256 on both. KeycloakLoad prints what each signed with.
KEYCLOAK_ACCESS_ALG=${KEYCLOAK_ACCESS_ALG:-RS256}
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"ecdsa-generated","providerId":"ecdsa-generated","providerType":"org.keycloak.keys.KeyProvider","parentId":"bench","config":{"priority":["200"],"ecdsaEllipticCurveKey":["P-256"],"active":["true"],"enabled":["true"]}}' \
    "http://127.0.0.1:$KC_PORT/admin/realms/bench/components"
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"clientId":"bench","secret":"bench-secret-bench-secret","publicClient":false,"serviceAccountsEnabled":true,"standardFlowEnabled":true,"directAccessGrantsEnabled":false,"redirectUris":["https://bench.contoso.example/signed-in"],"attributes":{"pkce.code.challenge.method":"S256","access.token.signed.response.alg":"'"$KEYCLOAK_ACCESS_ALG"'"}}' \
    "http://127.0.0.1:$KC_PORT/admin/realms/bench/clients"
curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"username\":\"adele.vance\",\"email\":\"adele.vance@contoso.example\",\"emailVerified\":true,\"firstName\":\"Adele\",\"lastName\":\"Vance\",\"enabled\":true,\"credentials\":[{\"type\":\"password\",\"value\":\"$PASSWORD\",\"temporary\":false}]}" \
    "http://127.0.0.1:$KC_PORT/admin/realms/bench/users"
USER_ID=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" \
    "http://127.0.0.1:$KC_PORT/admin/realms/bench/users?username=adele.vance&exact=true" | sed 's/^\[{"id":"\([^"]*\)".*/\1/')
echo "Keycloak keeps the password as: $(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" \
    "http://127.0.0.1:$KC_PORT/admin/realms/bench/users/$USER_ID/credentials" | grep -o '\\"hashIterations.*\\"memory\\":\[\\"[0-9]*' | tr -d '\\')"

APP=$(MYACCOUNT_DATA_DIR="$WORK/portal-data" java -jar target/myaccount.jar app --domain contoso.example \
    --create "Grant bench" --redirect-uri https://bench.contoso.example/signed-in)
CLIENT_ID=$(echo "$APP" | sed -n 's/^Client id: *//p')
SECRET=$(echo "$APP" | sed -n 's/^Client secret: *//p')

PORTAL_URL=http://localhost:$PORTAL_PORT PORTAL_CLIENT_ID=$CLIENT_ID PORTAL_SECRET=$SECRET \
PORTAL_REDIRECT=https://bench.contoso.example/signed-in PORTAL_USER=adele.vance@contoso.example PORTAL_PASSWORD="$PASSWORD" \
KEYCLOAK_URL=http://127.0.0.1:$KC_PORT/realms/bench KEYCLOAK_CLIENT_ID=bench KEYCLOAK_SECRET=bench-secret-bench-secret \
KEYCLOAK_REDIRECT=https://bench.contoso.example/signed-in KEYCLOAK_USER=adele.vance KEYCLOAK_PASSWORD="$PASSWORD" \
    java -XX:TieredStopAtLevel=1 -cp "$CP" dev.myaccount.bench.KeycloakLoad \
    "${1:-client_credentials,refresh_token,authorization_code}" "${2:-5}" "${3:-3}" "${4:-1,4,16}" "$PORTAL_PID,$KC_JAVA_PID"
