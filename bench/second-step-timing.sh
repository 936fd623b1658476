#!/usr/bin/env bash
# Times the second sign-in step on a demo portal: demo Diego signs in with his password, asks for an email
# code, and the code (read from the portal's console output, where demo mode writes it) is posted. Prints
# each run's password POST and code POST (curl's time_total on loopback). A person gets 5 codes in 15
# minutes, so at most 5 runs. Usage:
#   java -jar target/myaccount.jar --demo > portal.log &   (with MYACCOUNT_DEMO_PASSWORD set)
#   bench/second-step-timing.sh http://localhost:8080 portal.log "$MYACCOUNT_DEMO_PASSWORD" [runs]
set -euo pipefail
base=$1 log=$2 password=$3 runs=${4:-5}
token() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
for ((i = 1; i <= runs; i++)); do
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/signin" | token _csrf)
    signin=$(curl -s -o /dev/null -w '%{time_total}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
        --data-urlencode upn=diego.siciliani@contoso.example --data-urlencode "password=$password" "$base/signin")
    step=$(curl -s -c "$jar" -b "$jar" "$base/signin/verify")
    csrf=$(echo "$step" | token _csrf)
    method=$(echo "$step" | token method)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "method=$method" \
        "$base/signin/verify/send"
    sleep 0.5
    code=$(grep -o 'Your My Account code is [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url} %{time_total}' -c "$jar" -b "$jar" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "method=$method" --data-urlencode "code=$code" \
        "$base/signin/verify")
    echo "run $i: password POST ${signin} s; code POST: $answer s"
    rm -f "$jar"
done
