#!/usr/bin/env bash
# Benchmarks the trace store alone: fills a fresh SQLite file with 1,000,000 traces over 7 days through the real
# store and prints a Markdown table (insert rate, 1 h / 24 h / 7 d stats, list and detail queries).
# No browser, no dashboard process. Takes a few minutes on 2 cores. Usage: bench/traces.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Homelab.Bench/Homelab.Bench.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Homelab.Bench/bin/Release/net10.0/Homelab.Bench.dll traces "${1:-1000000}"
