#!/usr/bin/env bash
# Times the server side of Change password on a running portal: signs in, opens the page and submits
# a change to a password never used before, N times. Prints the POST's time (curl's time_total on
# loopback) for each change, then the median. The history check compares the new password with up to
# 5 earlier ones, so the first changes of a fresh account are faster than later ones. Usage:
#   bench/change-password-timing.sh http://localhost:8080 adele.vance@contoso.example 'current password' [N]
set -euo pipefail
base=$1 upn=$2 current=$3 runs=${4:-10}
stamp=$(date +%s)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
times=()
for ((i = 1; i <= runs; i++)); do
    other="bench passphrase $stamp number $i"
    rm -f "$jar"
    t=$(curl -sf -c "$jar" -b "$jar" "$base/signin" | token)
    curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "upn=$upn" --data-urlencode "password=$current" \
        --data-urlencode "_csrf=$t" "$base/signin"
    t=$(curl -sf -c "$jar" -b "$jar" "$base/password" | token)
    s=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar" -b "$jar" \
        --data-urlencode "currentPassword=$current" --data-urlencode "newPassword=$other" \
        --data-urlencode "confirmPassword=$other" --data-urlencode "_csrf=$t" "$base/password")
    [ "${s%% *}" = 302 ] || { echo "change $i failed: $s" >&2; exit 1; }
    times+=("${s#* }")
    echo "change $i: ${s#* } s"
    current=$other
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.3f s\n", NR, (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
echo "the password is now: $current"
