#!/usr/bin/env bash
# Installs what the tests need (Debian packages), builds with warnings as errors, runs every test
# (unit, component, integration against the simulator and against real qBittorrent, third-party clients, browser)
# and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

# --- Machine prerequisites -------------------------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import proxmoxer' 2>/dev/null || need+=(python3-proxmoxer)
/usr/bin/python3 -c 'import docker' 2>/dev/null || need+=(python3-docker)
# Only the docker CLI is used (against the simulator); Debian ships it in docker.io.
command -v docker >/dev/null 2>&1 || need+=(docker.io)
# Real qBittorrent instances (a seeder and a downloader on loopback) for the integration tests.
[ -x /usr/bin/qbittorrent-nox ] || need+=(qbittorrent-nox)
# npm fetches the JavaScript the browser tests inject (axe-core).
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- Browser test tools -----------------------------------------------------------------------
# axe-core for the accessibility tests, pinned by Homelab.Tests/package-lock.json; skipped once installed.
if [ ! -f Homelab.Tests/node_modules/axe-core/axe.min.js ]; then
  log "Installing axe-core (npm ci)"
  (cd Homelab.Tests && npm ci --no-audit --no-fund --ignore-scripts) || echo "npm ci failed: the accessibility tests will say so"
fi

# --- Build -----------------------------------------------------------------------------------
log "Building (warnings are errors)"
dotnet tool restore >/dev/null
if ! dotnet build Homelab.slnx -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Tests -----------------------------------------------------------------------------------
log "Running tests"
output=$(mktemp)
dotnet test Homelab.Tests --no-build 2>&1 | tee "$output"
status=${PIPESTATUS[0]}

# CI keeps only the end of the output: name each failure again, with its message, just above the summary line.
if grep -qE '^failed ' "$output"; then
  log "Failed tests"
  awk '/^failed /{n=14} n>0{print; n--}' "$output" | head -n 200
fi

total=$(grep -Eo '^\s*total: [0-9]+' "$output" | tail -1 | grep -Eo '[0-9]+')
failed=$(grep -Eo '^\s*failed: [0-9]+' "$output" | tail -1 | grep -Eo '[0-9]+')
passed=$(grep -Eo '^\s*succeeded: [0-9]+' "$output" | tail -1 | grep -Eo '[0-9]+')
rm -f "$output"
if [ -z "${total:-}" ]; then
  # The test host crashed before it could summarise: count that as a failure.
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1
fi
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-0}" -eq 0 ]
