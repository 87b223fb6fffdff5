#!/usr/bin/env bash
# Engine benchmark: the CLI against bench/engine's loopback fake of Tavily, NewsAPI, HN and the job boards.
#
#   bench/run-engine-bench.sh [all|latency|jobs|throughput|scale|faults|freefirst]
#   (default: all but faults and freefirst)
#   BUILD_DIR=build (default; a RelWithDebInfo build: cmake --preset default &&
#   cmake --build build --target gtm-research-cli gtm-bench-fake)
#
# latency:    200 domains x 9 strategies (3 per channel), answers after 100 ms, 20 parallel per
#             source. Ideal: 600 queries per source / 20 x 0.1 s = 3.0 s; target <= 3.45 s.
# jobs:       W1 with job boards: 200 domains x 9 strategies (3 Tavily, 3 NewsAPI, 3 job-board
#             ones), 100 ms answers, 20 parallel per channel. Each company's board is on one of
#             Greenhouse, Lever, Ashby and all three are asked: 600 board requests, ideal 3.0 s
#             as for the other two channels; target <= 3.3 s (1.1x).
# throughput: the same at 0 ms: queries/s and CPU seconds per 1,000 queries.
# scale:      10,000 domains x 13 strategies at 0 ms: wall time and peak RSS (target < 400 MB).
# faults:     FAULT_DOMAINS (10,000) domains x 13 strategies (4 Tavily, 3 NewsAPI, 3 HN, 3 company
#             website), 5 ms answers, 10 % of all answers spoiled (500, 503, reset, hang, slow
#             first byte, truncated; seed 1), 100 parallel: peak RSS and RSS over time
#             (target < 400 MB, no steady rise). Long (hangs wait for the client's timeouts):
#             run it with nice -n 10. Not part of "all".
# freefirst: the latency case without --all-queries: paid queries only while a company's
#             verdict is open (issue 17), one at a time per company.
# Rate limits are lifted (GTM_RATE_LIMITS=off): the fake is not the real services. Every case
# but freefirst sends every query (--all-queries): they measure the engine's fan-out.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
cli=$build/bin/gtm-research-cli
fake=$build/bin/gtm-bench-fake
for b in "$cli" "$fake"; do
    [[ -x $b ]] || { echo "missing $b: build gtm-research-cli and gtm-bench-fake first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_domains() { # count file
    seq -f "bench%05g.com" 1 "$1" >"$2"
}

make_strategies() { # google news hn jobs [website] file
    python3 - "$@" <<'PY'
import json, sys
counts, path = [int(a) for a in sys.argv[1:-1]], sys.argv[-1]
topics = ["machine learning", "fraud detection", "AI platform", "data science", "TensorFlow"]
out = []
for channel, count in zip(("google_search", "news_search", "hackernews", "jobs_search", "website"), counts):
    for i in range(count):
        out.append({"channel": channel, "query_template": "{DOMAIN} %s %d" % (topics[i % len(topics)], i),
                    "relevance_score": 0.9 - i * 0.05})
json.dump({"strategies": out}, open(path, "w"))
PY
}

# The CLI's resident memory every second, while it runs: "seconds kB" lines.
sample_rss() { # pid file
    local t=0
    while [[ -r /proc/$1/status ]]; do
        awk -v t=$t '/^VmRSS/ {print t, $2}' "/proc/$1/status" >>"$2" 2>/dev/null || true
        sleep 1
        t=$((t + 1))
    done
}

run_case() { # name domains strategies latency parallel [sources [fake options...]]
    local name=$1 domains=$2 strategies=$3 latency=$4 parallel=$5
    local sources=${6:-google_search,news_search,hackernews}
    shift $(($# < 6 ? $# : 6))
    "$fake" --latency "$latency" "$@" >"$work/fake.out" 2>"$work/fake.err" &
    local fake_pid=$!
    for _ in $(seq 50); do grep -q PORT "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
    local port
    port=$(awk '/PORT/ {print $2}' "$work/fake.out")
    local base=http://127.0.0.1:$port
    local rc=0
    : >"$work/rss.txt"
    env TAVILY_API_KEY=bench NEWS_API_KEY=bench GTM_RATE_LIMITS=off \
        GTM_TAVILY_URL=$base GTM_NEWSAPI_URL=$base GTM_HN_URL=$base \
        GTM_GREENHOUSE_URL=$base GTM_LEVER_URL=$base GTM_ASHBY_URL=$base \
        GTM_WEBSITE_URL="$base/site/{domain}" \
        /usr/bin/time -f "TIME wall=%e user=%U sys=%S maxrss_kb=%M" \
        "$cli" --goal "AI for fraud detection" --domains "$domains" --strategies "$strategies" \
        --max-parallel "$parallel" --sources "$sources" \
        --events --no-cache "${cli_extra[@]}" >"$work/events.jsonl" 2>"$work/cli.err" &
    local time_pid=$! cli_pid=
    for _ in $(seq 50); do cli_pid=$(pgrep -P "$time_pid" || true); [[ -n $cli_pid ]] && break; sleep 0.1; done
    local sampler_pid=
    if [[ -n $cli_pid ]]; then
        sample_rss "$cli_pid" "$work/rss.txt" &
        sampler_pid=$!
    fi
    wait "$time_pid" || rc=$?
    [[ -z $sampler_pid ]] || wait "$sampler_pid"
    kill -TERM "$fake_pid" 2>/dev/null || true
    wait "$fake_pid" 2>/dev/null || true
    python3 - "$name" "$work/events.jsonl" "$work/cli.err" "$work/fake.err" "$rc" "$work/rss.txt" <<'PY'
import json, re, sys
name, events, err, fake_err, rc, rss_file = sys.argv[1:7]
complete = None
first_final_ms = None
for line in open(events):
    e = json.loads(line)
    if e["type"] == "pipeline_complete":
        complete = e
t = re.search(r"TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+) maxrss_kb=(\d+)", open(err).read())
wall, user, sys_, rss = float(t[1]), float(t[2]), float(t[3]), int(t[4])
q = complete["completed_queries"]
statuses = {}
print(f"== {name} (exit {rc})")
print(f"   queries {q}, domains {complete['total_companies']}, evidence {complete['total_evidence']}, failed {complete['failed_requests']}")
if complete.get("paid_queries_saved"):
    print(f"   paid queries not sent (free first): {complete['paid_queries_saved']}")
print(f"   pipeline {complete['processing_time_ms'] / 1000:.2f} s, process wall {wall:.2f} s, {complete['queries_per_second']:.0f} queries/s")
print(f"   CPU {user + sys_:.2f} s ({(user + sys_) / q * 1000:.2f} s per 1,000 queries), peak RSS {rss / 1024:.0f} MB")
print("   fake: " + "; ".join(l.strip() for l in open(fake_err) if l.strip()))
samples = [tuple(int(v) for v in l.split()) for l in open(rss_file) if l.strip()]
if len(samples) >= 10:
    # Ten points over the run, to see whether memory levels off or keeps rising.
    step = len(samples) / 10
    points = [samples[min(len(samples) - 1, int(i * step))] for i in range(10)] + [samples[-1]]
    print("   RSS over time (s: MB): " + ", ".join(f"{t}: {kb / 1024:.0f}" for t, kb in points))
PY
}

what=${1:-all}
cli_extra=(--all-queries)
make_domains 200 "$work/d200.txt"
make_strategies 3 3 3 0 "$work/s9.json"
if [[ $what == all || $what == latency ]]; then
    run_case "200 domains x 9 strategies, 100 ms answers, 20 parallel (ideal 3.0 s)" "$work/d200.txt" "$work/s9.json" 100 20
fi
if [[ $what == all || $what == jobs ]]; then
    make_strategies 3 3 0 3 "$work/s9jobs.json"
    run_case "W1 with job boards: 200 domains x 9 strategies (3 of them job boards), 100 ms answers, 20 parallel (ideal 3.0 s)" \
        "$work/d200.txt" "$work/s9jobs.json" 100 20 google_search,news_search,jobs_search
fi
if [[ $what == all || $what == throughput ]]; then
    run_case "200 domains x 9 strategies, 0 ms answers, 20 parallel" "$work/d200.txt" "$work/s9.json" 0 20
fi
if [[ $what == all || $what == scale ]]; then
    make_domains 10000 "$work/d10k.txt"
    make_strategies 5 4 4 0 "$work/s13.json"
    run_case "10,000 domains x 13 strategies, 0 ms answers, 20 parallel" "$work/d10k.txt" "$work/s13.json" 0 20
fi
if [[ $what == freefirst ]]; then
    cli_extra=()
    run_case "free first: 200 domains x 9 strategies (6 paid), 100 ms answers, 20 parallel" "$work/d200.txt" "$work/s9.json" 100 20
fi
if [[ $what == faults ]]; then
    n=${FAULT_DOMAINS:-10000}
    make_domains "$n" "$work/dfault.txt"
    make_strategies 4 3 3 0 3 "$work/s13w.json"
    # As a long run is used: saved as it goes, so that it can be resumed after a failure.
    cli_extra+=(--session "$work/faults.gtmr")
    run_case "$n domains x 13 strategies (website included), 5 ms answers, ${FAULT_RATE:-0.1} faults, 100 parallel" \
        "$work/dfault.txt" "$work/s13w.json" 5 100 google_search,news_search,hackernews,website \
        --faults "${FAULT_RATE:-0.1}" --seed 1
fi
