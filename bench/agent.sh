#!/usr/bin/env bash
# Benchmarks the time the dashboard adds around each model call: the agent in-process in demo mode, talking to the
# simulated Ollama over real HTTP through OllamaSharp, N turns of a one-tool-round request (default 200).
# Prints p50/p95 of the dashboard's time per model call, the model server's own time, and the whole turn.
# Usage: bench/agent.sh [turns]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Homelab.Bench/Homelab.Bench.csproj -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Homelab.Bench/bin/Release/net10.0/Homelab.Bench.dll agent "${1:-200}"
