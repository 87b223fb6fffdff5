#!/usr/bin/env bash
# Every system file the configured build reads must come from a package that scripts/setup-deps
# installs, directly or through Depends/Pre-Depends, or from an Essential package. A package
# that is only Recommended is missing on a fresh machine: setup-deps installs with
# --no-install-recommends, so a file that happens to be here may not be there.
#
# Usage: check-system-deps.sh SOURCE_DIR BUILD_DIR
# Prints each package that is missing with the files that need it, and exits 1 if any is.
set -euo pipefail
src=$1 build=$2

for tool in dpkg-query apt-cache ninja; do
    command -v "$tool" >/dev/null || { echo "check-system-deps: needs $tool (Debian/Ubuntu only)"; exit 1; }
done
[[ -f $build/CMakeCache.txt && -f $build/build.ninja ]] \
    || { echo "check-system-deps: $build is not a configured Ninja build"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -n ${GTM_DEPS_KEEP:-} ]] && trap - EXIT && echo "work: $work"

# --- What a fresh machine has after setup-deps -------------------------------------------------
mapfile -t listed < <("$src/scripts/setup-deps" --list)
((${#listed[@]})) || { echo "check-system-deps: scripts/setup-deps --list printed nothing"; exit 1; }
mapfile -t essential < <(dpkg-query -W -f='${Package} ${Essential}\n' | awk '$2 == "yes" { print $1 }')

# apt-cache prints every package it reaches as a header line and each dependency indented;
# a virtual package is shown as <name> with its providers indented below it.
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances "${listed[@]}" "${essential[@]}" 2>/dev/null \
    | sed -E 's/^[[:space:]]*(\|?(Pre)?Depends:[[:space:]]*)?//; s/[<>]//g; s/:(any|amd64|i386|arm64|all)$//' \
    | grep -E '^[a-z0-9][a-z0-9+.-]+$' | sort -u >"$work/closure"

# --- What the build read -----------------------------------------------------------------------
under_project() { [[ $1 == "$src"/* || $1 == "$build"/* ]]; }
{
    # CMake package configurations it found, and every file in their folders.
    sed -nE 's/^[A-Za-z0-9_]+_DIR:(PATH|INTERNAL|STRING)?=(.*\/cmake\/.*)$/\2/p' "$build/CMakeCache.txt" \
        | while read -r dir; do [[ -d $dir ]] && find "$dir" -type f; done
    # System headers in the compiler's dependency records.
    ninja -C "$build" -t deps 2>/dev/null | sed -nE 's/^[[:space:]]+(\/.*)$/\1/p'
    # Libraries on the link lines.
    sed -nE 's/^[[:space:]]*LINK_LIBRARIES = //p' "$build/build.ninja" | tr ' ' '\n' | grep -E '^/'
    # Programs the build runs: compiler, linker tools, Qt's code generators.
    sed -nE 's/^[A-Za-z0-9_]+:FILEPATH=(\/.+)$/\1/p' "$build/CMakeCache.txt" \
        | grep -vE '\.(so|a)(\.[0-9.]+)?$' | while read -r f; do [[ -x $f ]] && echo "$f"; done
    find "$build" -name '*Info.json' -path '*/CMakeFiles/*' \
        -exec sed -nE 's/.*"[A-Z_]*_EXECUTABLE" *: *"(\/[^"]+)".*/\1/p' {} +
    # Shared libraries the built programs load.
    find "$build/bin" "$build/tests" -maxdepth 1 -type f -perm -u+x 2>/dev/null \
        | while read -r exe; do ldd "$exe" 2>/dev/null | sed -nE 's/.*=> (\/[^ ]+) .*/\1/p'; done
} | sort -u >"$work/candidates"

# Programs the tests run: each test's command, and the commands its shell scripts call.
ctest --test-dir "$build" --show-only=json-v1 2>/dev/null | tr -d '\n' \
    | grep -oE '"command" *: *\[[^]]*\]' | grep -oE '"[^"]+"' | sed 's/"//g' | grep -v '^command$' \
    >"$work/test-words" || true
: >"$work/script-words"
{
    while read -r word; do
        if [[ $word == /* ]]; then
            [[ -f $word ]] && echo "$word"
            [[ $word == *.sh && -f $word ]] && grep -oE '(^|[;|&(`$ ]|then |do )[a-z][a-z0-9._+-]*' "$word" \
                | sed -E 's/^.*[^a-z0-9._+-]//' >>"$work/script-words"
        else
            # An inline `sh -c` script: every word that names a program counts.
            echo "$word" | grep -oE '[a-z][a-z0-9._+-]*' >>"$work/script-words" || true
        fi
    done <"$work/test-words"
    sort -u "$work/script-words" | while read -r word; do
        path=$(type -P "$word" 2>/dev/null) || continue
        echo "$path"
    done
} | sort -u >>"$work/candidates"

grep -vE '^/(proc|sys|dev|tmp)/' "$work/candidates" | while read -r f; do
    under_project "$f" || echo "$f"
done | sort -u >"$work/files"

# --- Who owns each file ------------------------------------------------------------------------
# One pass over dpkg's file lists; a path is looked up as written, resolved, and in its merged-/usr
# spelling (Debian 12 ships some files under /lib but finds them under /usr/lib).
while read -r f; do
    real=$(readlink -f "$f" 2>/dev/null || echo "$f")
    alts=("$f" "$real")
    for p in "$f" "$real"; do
        case $p in
            /usr/lib/* | /usr/bin/* | /usr/sbin/*) alts+=("${p#/usr}") ;;
            /lib/* | /bin/* | /sbin/*) alts+=("/usr$p") ;;
        esac
    done
    (IFS=$'\t'; echo "${alts[*]}")
done <"$work/files" >"$work/lookup"
awk '
    FNR == 1 { pkg = FILENAME; sub(".*/", "", pkg); sub(/\.list$/, "", pkg); sub(/:.*/, "", pkg) }
    FILENAME == lookup { n = split($0, alt, "\t"); found = ""
        for (i = 1; i <= n && !found; i++) if (alt[i] in owner) found = owner[alt[i]]
        print (found ? found : "-") "\t" alt[1]; next }
    { if (!($0 in owner)) owner[$0] = pkg }
' lookup="$work/lookup" /var/lib/dpkg/info/*.list "$work/lookup" >"$work/owners"

# --- Verdict -----------------------------------------------------------------------------------
checked=$(wc -l <"$work/owners")
awk -F'\t' -v closure="$work/closure" '
    BEGIN { while ((getline p < closure) > 0) ok[p] = 1 }
    $1 == "-" { unowned[$2] = 1; next }
    !($1 in ok) { if (!($1 in first)) { first[$1] = $2; order[++n] = $1 } count[$1]++ }
    END {
        bad = 0
        for (i = 1; i <= n; i++) {
            p = order[i]
            printf "missing package %s: setup-deps does not install it, but the build reads %s", p, first[p]
            if (count[p] > 1) printf " (and %d more of its files)", count[p] - 1
            printf "\n"; bad = 1
        }
        for (f in unowned) {
            if (f ~ /^\/etc\/(alternatives\/|ld\.so\.cache)/) continue
            printf "no Debian package owns %s: installed by hand?\n", f; bad = 1
        }
        exit bad
    }' "$work/owners" && status=0 || status=1

echo "check-system-deps: $checked system files checked against $(wc -l <"$work/closure") packages" \
     "(setup-deps: ${#listed[@]}, Essential: ${#essential[@]}, and their Depends/Pre-Depends)"
exit $status
