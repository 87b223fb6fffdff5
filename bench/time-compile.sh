#!/bin/sh
# A compiler and linker launcher that appends "user-s system-s wall-s output" of every step to
# $GTM_TIMELOG (default /tmp/gtm-compile-times.log). CPU seconds, unlike wall time, do not
# depend on what else the shared machine runs. See "CI time" in docs/benchmarks.md:
#
#   cmake --preset ci -B build-timed -DCMAKE_CXX_COMPILER_LAUNCHER=$PWD/bench/time-compile.sh \
#         -DCMAKE_CXX_LINKER_LAUNCHER=$PWD/bench/time-compile.sh
#   GTM_TIMELOG=/tmp/ci-times.log nice cmake --build build-timed -j2
#   sort -rn /tmp/ci-times.log | head -20
out=""
prev=""
for arg in "$@"; do
    [ "$prev" = "-o" ] && out=$arg
    prev=$arg
done
exec /usr/bin/time -a -o "${GTM_TIMELOG:-/tmp/gtm-compile-times.log}" -f "%U %S %e $out" "$@"
