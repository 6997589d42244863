#!/usr/bin/env python3
"""Paired timing, the method of shared PERFORMANCE.md: the commands run in turn (A B C A B C ...),
and each ratio A/X is taken round by round; the figure quoted is the median of those ratios.
Also records each run's CPU time (user + sys, from wait4). No shell sits between us and the program
being timed. Peak RSS is not taken here: Linux carries the forking parent's (Python's) peak over
exec into ru_maxrss, so run.sh takes it from /usr/bin/time -v instead.

usage: paired.py --runs N --warmup W --out FILE.json NAME=COMMAND [NAME=COMMAND ...]
COMMAND is split like a shell word list (no shell is involved unless the command starts one).
The first command is the numerator of every ratio.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--warmup", type=int, default=1)
ap.add_argument("--out", required=True)
ap.add_argument("commands", nargs="+")
args = ap.parse_args()

cmds = []
for spec in args.commands:
    name, _, command = spec.partition("=")
    argv = shlex.split(command)
    exe = shutil.which(argv[0]) or argv[0]
    cmds.append((name, command, exe, argv))

devnull = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]

def run(exe, argv):
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(exe, argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    wall = (time.perf_counter_ns() - t0) / 1e9
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"paired.py: {' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    return wall, ru.ru_utime + ru.ru_stime

for _ in range(args.warmup):
    for _, _, exe, argv in cmds:
        run(exe, argv)

samples = {name: {"wall": [], "cpu": []} for name, *_ in cmds}
for _ in range(args.runs):
    for name, _, exe, argv in cmds:
        wall, cpu = run(exe, argv)
        samples[name]["wall"].append(wall); samples[name]["cpu"].append(cpu)

first = cmds[0][0]
result = {"runs": args.runs, "warmup": args.warmup, "commands": {}, "ratios": {}}
for name, command, *_ in cmds:
    s = samples[name]
    result["commands"][name] = {"command": command, "median_wall": statistics.median(s["wall"]),
                                "median_cpu": statistics.median(s["cpu"]), **s}
for name, *_ in cmds[1:]:
    wall = [a / b for a, b in zip(samples[first]["wall"], samples[name]["wall"])]
    cpu = [a / b for a, b in zip(samples[first]["cpu"], samples[name]["cpu"]) if b > 0]
    result["ratios"][f"{first}/{name}"] = {"wall": statistics.median(wall), "wall_min": min(wall), "wall_max": max(wall),
                                           "cpu": statistics.median(cpu) if cpu else None}
with open(args.out, "w") as f:
    json.dump(result, f, indent=1)
