#!/usr/bin/env bash
# Benchmarks the live path of the published dashboard in demo mode and prints a Markdown table:
# idle RSS, RSS with 1/10/50 live pages, Docker change→DOM latency, upstream requests per minute.
# Needs /usr/bin/chromium (./test.sh installs it). Takes about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
rm -rf "$out/app"
dotnet publish Homelab.Dashboard/Homelab.Dashboard.csproj -c Release -o "$out/app" -p:UseAppHost=false -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Homelab.Bench/Homelab.Bench.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Homelab.Bench/bin/Release/net10.0/Homelab.Bench.dll "$out/app/Homelab.Dashboard.dll" "$@"
