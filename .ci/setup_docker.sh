#!/usr/bin/env bash
# Make a Docker engine and the mlpilot sandbox image ready for the Docker tests. Idempotent: an installed
# engine, a running dockerd and a current image are all reused. Run from the repo root: bash .ci/setup_docker.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MLPILOT="${MLPILOT:-.venv/bin/mlpilot}"
SOCKET=/var/run/docker.sock

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    echo "setup_docker: installing docker.io and debootstrap from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
    echo "setup_docker: starting dockerd (log: /tmp/dockerd.log)"
    nohup dockerd >/tmp/dockerd.log 2>&1 &
    for _ in $(seq 60); do
        [ -S "$SOCKET" ] && docker info >/dev/null 2>&1 && break
        sleep 1
    done
    docker info >/dev/null 2>&1 || { echo "setup_docker: dockerd did not come up"; tail -20 /tmp/dockerd.log; exit 1; }
fi
echo "setup_docker: engine $(docker version --format '{{.Server.Version}}') is up"

"$MLPILOT" sandbox build
"$MLPILOT" sandbox status
