#!/usr/bin/env bash
# Times the admin's People list at scale on a demo portal: adds N people to Contoso (through H2's shell on
# the embedded default, which the portal serves to other processes, or psql), signs in as the demo admin,
# and times GET /admin/people for several searches (curl's time_total on loopback), printing p50 and p99.
# Usage (the portal started with --demo and MYACCOUNT_DEMO_PASSWORD set; DATA is its data directory, or a
# postgresql:// URL of its database):
#   bench/people-search-timing.sh http://localhost:8080 DATA "$MYACCOUNT_DEMO_PASSWORD" [people] [requests]
set -euo pipefail
base=$1 data=$2 password=$3 people=${4:-100000} requests=${5:-200}
if [[ $data == postgresql://* ]]; then
    psql -q -v ON_ERROR_STOP=1 "$data" -c "insert into account (id, organisation_id, upn, display_name, given_name,
            surname, enabled, created_at)
        select gen_random_uuid(), o.id, 'person' || n || '@contoso.example', 'Person ' || n, 'Person', '' || n, true,
               now()
        from generate_series(1, $people) n join organisation o on o.domain = 'contoso.example'; analyze account;"
else
    h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)
    added=$(java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$(realpath "$data")/myaccount;AUTO_SERVER=TRUE" \
        -user myaccount -sql "insert into account (id, organisation_id, upn, display_name, given_name, surname,
            enabled, created_at)
        select random_uuid(), o.id, 'person' || r.\"X\" || '@contoso.example', 'Person ' || r.\"X\", 'Person',
               '' || r.\"X\", true, current_timestamp
        from system_range(1, $people) r join organisation o on o.domain = 'contoso.example'" 2>&1)
    if grep -q Error <<< "$added"; then echo "$added" >&2; exit 1; fi
fi
jar=$(mktemp)
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
csrf=$(curl -s -c "$jar" -b "$jar" "$base/signin" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
    --data-urlencode upn=alex.wilber@contoso.example --data-urlencode "password=$password" "$base/signin"
for query in "" "q=wilber" "q=person+4242" "q=PERSON9" "page=1000" "q=nobody+at+all"; do
    times=$(for ((i = 0; i < requests; i++)); do
        curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base/admin/people?$query"; done | sort -n)
    p50=$(echo "$times" | awk -v n="$requests" 'NR == int(n * 0.5) + 1')
    p99=$(echo "$times" | awk -v n="$requests" 'NR == int(n * 0.99) + 1')
    echo "/admin/people?$query: p50 ${p50} s, p99 ${p99} s"
done
rm -f "$jar"
