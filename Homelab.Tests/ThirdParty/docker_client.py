"""Drives the simulated Docker Engine API with docker-py, the way a homelab script would.

Usage: docker_client.py BASE_URL COMMAND [ARGS...] [-- COMMAND [ARGS...]]...; prints a JSON list with one
result per command. Several commands share one run because importing docker-py alone takes most of a second.
Run with /usr/bin/python3 (Debian's python3-docker, docker-py 5.0.3). The client is used unmodified,
with its default API version (1.41), so every path carries a /v1.41/ prefix.
"""

import json
import sys

import docker


def state_of(client, name):
    # A fresh inspect, not the cached attrs of an earlier object.
    attrs = client.containers.get(name).attrs
    return {"status": attrs["State"]["Status"], "started_at": attrs["State"]["StartedAt"], "running": attrs["State"]["Running"]}


def run(client, command, args):
    if command == "list":
        containers = client.containers.list(all=True)
        result = {
            "count": len(containers),
            "names": sorted(c.name for c in containers),
            "statuses": {c.name: c.status for c in containers},
            "running": len(client.containers.list()),
        }
    elif command == "inspect":
        container = client.containers.get(args[0])
        attrs = container.attrs
        result = {
            "id": container.id,
            "name": container.name,
            "status": container.status,
            "labels": container.labels,
            "tty": attrs["Config"]["Tty"],
            "health": attrs["State"].get("Health", {}).get("Status"),
            "restart_count": attrs["RestartCount"],
            "image": attrs["Config"]["Image"],
        }
    elif command in ("stop", "start", "restart"):
        before = state_of(client, args[0])
        getattr(client.containers.get(args[0]), command)()
        result = {"before": before, "after": state_of(client, args[0])}
    elif command == "logs":
        raw = client.containers.get(args[0]).logs(tail=int(args[1]), timestamps=True)
        result = {"lines": raw.decode("utf-8").splitlines()}
    elif command == "stats":
        stats = client.containers.get(args[0]).stats(stream=False)
        cpu, pre = stats["cpu_stats"], stats["precpu_stats"]
        cpu_delta = cpu["cpu_usage"]["total_usage"] - pre["cpu_usage"]["total_usage"]
        system_delta = cpu["system_cpu_usage"] - pre.get("system_cpu_usage", 0)
        result = {
            "name": stats["name"],
            "cpu_percent": cpu_delta / system_delta * cpu["online_cpus"] * 100 if system_delta > 0 and cpu_delta > 0 else 0,
            "memory_usage": stats["memory_stats"]["usage"],
            "memory_limit": stats["memory_stats"]["limit"],
            "inactive_file": stats["memory_stats"]["stats"]["inactive_file"],
            "pre_read": stats["preread"],
        }
    else:
        raise SystemExit("unknown command " + command)
    return result


def main():
    client = docker.DockerClient(base_url=sys.argv[1], timeout=10)
    commands, current = [], []
    for word in sys.argv[2:] + ["--"]:
        if word == "--":
            commands.append(current)
            current = []
        else:
            current.append(word)
    json.dump([run(client, c[0], c[1:]) for c in commands if c], sys.stdout)


if __name__ == "__main__":
    main()
