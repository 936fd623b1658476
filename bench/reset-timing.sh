#!/usr/bin/env bash
# Times "Send code" of a password reset for a UPN with an email method and for one without an account, in
# alternating rounds, so that a difference would show whether an account exists. Prints each round's
# server answer time (curl's time_total on loopback) for both, then the medians. Usage:
#   bench/reset-timing.sh http://localhost:8080 known@contoso.example unknown@contoso.example [rounds]
# A client address may begin 10 resets in 15 minutes: run the portal with a higher
# --myaccount.reset.starts-per-address for more than 5 rounds.
set -euo pipefail
base=$1 known=$2 unknown=$3 rounds=${4:-5}
token() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
send() {
    local jar csrf
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/reset" | token _csrf)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "upn=$1" "$base/reset"
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/reset/verify?kind=email" | token _csrf)
    curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode kind=email "$base/reset/verify/send"
    rm -f "$jar"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
known_times=() unknown_times=()
for ((i = 1; i <= rounds; i++)); do
    k=$(send "$known") u=$(send "$unknown")
    echo "round $i: known ${k} s, unknown ${u} s"
    known_times+=("${k#* }") unknown_times+=("${u#* }")
done
echo "median: known $(printf '%s\n' "${known_times[@]}" | median) s, unknown $(printf '%s\n' "${unknown_times[@]}" | median) s"
