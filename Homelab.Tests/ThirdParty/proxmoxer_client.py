#!/usr/bin/python3
"""Drives a Proxmox VE API with the unmodified proxmoxer client and prints what it got as JSON.

Usage: proxmoxer_client.py <host:port> <token-user> <token-name> <token-value> <command> [args...]
A token-name of "-" logs in with a ticket instead (POST /access/ticket), using token-value as the password.

Commands:
  version | nodes | resources [type]
  status <node> <qemu|lxc> <vmid>
  cycle <node> <qemu|lxc> <vmid>     shutdown, wait for the task, read status, start, wait, read status
  get <path>                          a raw GET, to see how proxmoxer reports errors

Errors from the API are printed as {"error": {...}} with exit code 2.
"""
import json
import sys
import time

from proxmoxer import ProxmoxAPI
from proxmoxer.core import ResourceException

TASK_DEADLINE_S = 10


def connect(host, user, token_name, token_value):
    if token_name == "-":
        return ProxmoxAPI(host, user=user, password=token_value, verify_ssl=False, timeout=10)
    return ProxmoxAPI(host, user=user, token_name=token_name, token_value=token_value, verify_ssl=False, timeout=10)


def guest(api, node, kind, vmid):
    return getattr(api.nodes(node), kind)(vmid)


def wait_for_task(api, upid):
    node = upid.split(":")[1]
    deadline = time.monotonic() + TASK_DEADLINE_S
    while True:
        task = api.nodes(node).tasks(upid).status.get()
        if task["status"] == "stopped":
            return task
        if time.monotonic() > deadline:
            raise TimeoutError("task %s still running" % upid)
        time.sleep(0.05)


def cycle(api, node, kind, vmid):
    target = guest(api, node, kind, vmid)
    shutdown_upid = target.status.shutdown.post()
    shutdown_task = wait_for_task(api, shutdown_upid)
    after_shutdown = target.status.current.get()
    start_upid = target.status.start.post()
    start_task = wait_for_task(api, start_upid)
    after_start = target.status.current.get()
    return {
        "shutdown_upid": shutdown_upid,
        "shutdown_task": shutdown_task,
        "after_shutdown": after_shutdown,
        "start_upid": start_upid,
        "start_task": start_task,
        "after_start": after_start,
    }


def run(api, command, args):
    if command == "version":
        return api.version.get()
    if command == "nodes":
        return api.nodes.get()
    if command == "resources":
        return api.cluster.resources.get(**({"type": args[0]} if args else {}))
    if command == "status":
        return guest(api, args[0], args[1], args[2]).status.current.get()
    if command == "cycle":
        return cycle(api, args[0], args[1], args[2])
    if command == "get":
        return api(args[0]).get()
    raise SystemExit("unknown command %r" % command)


def main(argv):
    if len(argv) < 6:
        raise SystemExit(__doc__)
    host, user, token_name, token_value, command = argv[1:6]
    try:
        api = connect(host, user, token_name, token_value)
        result = run(api, command, argv[6:])
    except ResourceException as error:
        print(json.dumps({"error": {
            "status_code": error.status_code,
            "status_message": error.status_message,
            "content": error.content,
            "errors": error.errors,
            "text": str(error),
        }}))
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
