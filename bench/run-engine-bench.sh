#!/usr/bin/env bash
# Engine benchmark: the CLI against bench/engine's loopback fake of Tavily, NewsAPI, HN and the job boards.
#
#   bench/run-engine-bench.sh [all|latency|jobs|throughput|scale]   (default: all)
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
# Rate limits are lifted (GTM_RATE_LIMITS=off): the fake is not the real services.
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

make_strategies() { # google news hn jobs file
    python3 - "$@" <<'PY'
import json, sys
g, n, h, j, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
topics = ["machine learning", "fraud detection", "AI platform", "data science", "TensorFlow"]
out = []
for channel, count in (("google_search", g), ("news_search", n), ("hackernews", h), ("jobs_search", j)):
    for i in range(count):
        out.append({"channel": channel, "query_template": "{DOMAIN} %s %d" % (topics[i % len(topics)], i),
                    "relevance_score": 0.9 - i * 0.05})
json.dump({"strategies": out}, open(path, "w"))
PY
}

run_case() { # name domains strategies latency parallel [sources]
    local name=$1 domains=$2 strategies=$3 latency=$4 parallel=$5
    local sources=${6:-google_search,news_search,hackernews}
    "$fake" --latency "$latency" >"$work/fake.out" 2>"$work/fake.err" &
    local fake_pid=$!
    for _ in $(seq 50); do grep -q PORT "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
    local port
    port=$(awk '/PORT/ {print $2}' "$work/fake.out")
    local base=http://127.0.0.1:$port
    local rc=0
    env TAVILY_API_KEY=bench NEWS_API_KEY=bench GTM_RATE_LIMITS=off \
        GTM_TAVILY_URL=$base GTM_NEWSAPI_URL=$base GTM_HN_URL=$base \
        GTM_GREENHOUSE_URL=$base GTM_LEVER_URL=$base GTM_ASHBY_URL=$base \
        /usr/bin/time -f "TIME wall=%e user=%U sys=%S maxrss_kb=%M" \
        "$cli" --goal "AI for fraud detection" --domains "$domains" --strategies "$strategies" \
        --max-parallel "$parallel" --sources "$sources" --events --no-cache \
        >"$work/events.jsonl" 2>"$work/cli.err" || rc=$?
    kill -TERM "$fake_pid" 2>/dev/null || true
    wait "$fake_pid" 2>/dev/null || true
    python3 - "$name" "$work/events.jsonl" "$work/cli.err" "$work/fake.err" "$rc" <<'PY'
import json, re, sys
name, events, err, fake_err, rc = sys.argv[1:6]
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
print(f"   pipeline {complete['processing_time_ms'] / 1000:.2f} s, process wall {wall:.2f} s, {complete['queries_per_second']:.0f} queries/s")
print(f"   CPU {user + sys_:.2f} s ({(user + sys_) / q * 1000:.2f} s per 1,000 queries), peak RSS {rss / 1024:.0f} MB")
print("   fake: " + "; ".join(l.strip() for l in open(fake_err) if l.strip()))
PY
}

what=${1:-all}
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
