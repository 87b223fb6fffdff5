#!/bin/sh
# Both binaries print the version CMake was configured with.
set -eu
cli=$1 gui=$2 version=$3
out=$("$cli" --version)
[ "$out" = "gtm-research-cli $version" ] || { echo "CLI said: $out"; exit 1; }
out=$("$gui" --version)
case "$out" in *"$version"*) ;; *) echo "GUI said: $out"; exit 1 ;; esac
