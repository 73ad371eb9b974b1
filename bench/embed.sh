#!/usr/bin/env bash
# First loads as a browser sees them, against the published dashboard in demo mode: each /embed/* view (bytes
# transferred, server and browser time to first byte) and the full dashboard at / (bytes, TTFB, DOMContentLoaded,
# load, interactive). Prints a Markdown table. Needs /usr/bin/chromium. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
rm -rf "$out/embed-app"
dotnet publish Homelab.Dashboard/Homelab.Dashboard.csproj -c Release -o "$out/embed-app" -p:UseAppHost=false -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Homelab.Bench/Homelab.Bench.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Homelab.Bench/bin/Release/net10.0/Homelab.Bench.dll embed "$out/embed-app/Homelab.Dashboard.dll"
