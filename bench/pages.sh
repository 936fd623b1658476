#!/usr/bin/env bash
# Signed-in pages per second and their latency (issue 32, item 3): starts the portal with the README's settings and
# the demo organisation, signs demo Adele in 16 times (16 sessions), then runs wrk against the Overview and Security
# info at concurrency 1 (one session) and 16 (a session a connection, in turn), the pages in alternating windows.
# Needs wrk (apt-get install wrk). Arguments: [seconds per window, 10] [rounds, 3]; PORTAL_ARGS are added to the
# portal's command line (a setting to try).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_WINDOW=${1:-10}
ROUNDS=${2:-3}
PORT=${PORT:-8095}
WORK=$PWD/target/bench/pages
PASSWORD='Bench passphrase for pages'
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ -f target/myaccount.jar ] || ./mvnw -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK"

MYACCOUNT_DATA_DIR="$WORK/data" MYACCOUNT_DEMO_PASSWORD="$PASSWORD" \
    java @jvm.options -jar target/myaccount.jar --demo \
    --server.port=$PORT --management.server.port=$((PORT + 1)) ${PORTAL_ARGS:-} > "$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
trap 'kill $PORTAL_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://localhost:$PORT/signin" && break; sleep 0.5; done

for i in $(seq 1 16); do
    jar="$WORK/jar$i"
    csrf=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/signin" \
        | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode upn=adele.vance@contoso.example --data-urlencode "password=$PASSWORD" \
        "http://localhost:$PORT/signin"
    awk '$6 == "SESSION" { print "SESSION=" $7 }' "$jar" >> "$WORK/cookies"
done
[ "$(sort -u "$WORK/cookies" | wc -l)" = 16 ] || { echo "16 sessions were not signed in" >&2; exit 1; }
OVERVIEW=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(head -1 "$WORK/cookies")" "http://localhost:$PORT/")
[ "$OVERVIEW" = 200 ] || { echo "a session does not open the Overview" >&2; exit 1; }

cat > "$WORK/sessions.lua" <<'LUA'
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do cookies[#cookies + 1] = line end
local limit = tonumber(os.getenv("SESSIONS"))
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", nil, { ["Cookie"] = cookies[(n % limit) + 1] })
end
done = function(summary, latency, requests)
    io.write(string.format("RESULT %.1f/s p50 %.3f ms p99 %.3f ms non-2xx %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.status))
end
LUA
window() {
    COOKIES="$WORK/cookies" SESSIONS=$2 wrk -t1 -c"$2" -d"${SECONDS_PER_WINDOW}s" -s "$WORK/sessions.lua" \
        "http://localhost:$PORT$1" | grep RESULT | sed "s|RESULT|$1 c=$2|"
}
window / 16 > /dev/null
window /security-info 16 > /dev/null
for round in $(seq 1 "$ROUNDS"); do
    for c in 1 16; do
        for page in / /security-info; do
            echo "round $round $(window $page $c)"
        done
    done
done
echo "resident memory after the run: $(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' /proc/$PORTAL_PID/status)"
