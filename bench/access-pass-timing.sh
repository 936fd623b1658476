#!/usr/bin/env bash
# Times a wrong temporary access pass for a UPN that exists and for one that does not, in alternating rounds,
# so that a difference would show whether an account exists. Prints each pair of server answer times (curl's
# time_total on loopback) and the medians. Usage:
#   bench/access-pass-timing.sh http://localhost:8080 known@contoso.example unknown@contoso.example [rounds]
# Every try counts toward the UPN's lockout and the address's limit: run the portal with
# --myaccount.signin.lockout-threshold and --myaccount.reset.starts-per-address above twice the rounds.
set -euo pipefail
base=$1 known=$2 unknown=$3 rounds=${4:-240}
token() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
try() {
    local jar csrf
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/access-pass" | token _csrf)
    curl -s -o /dev/null -w '%{time_total}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode "upn=$1" --data-urlencode "pass=ABCD-EFGH-JKLM-NPQR" "$base/access-pass"
    rm -f "$jar"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
known_times=() unknown_times=()
for ((i = 1; i <= rounds; i++)); do
    if ((i % 2)); then k=$(try "$known") u=$(try "$unknown"); else u=$(try "$unknown") k=$(try "$known"); fi
    known_times+=("$k") unknown_times+=("$u")
done
echo "median of $rounds: known $(printf '%s\n' "${known_times[@]}" | median) s, unknown $(printf '%s\n' "${unknown_times[@]}" | median) s"
