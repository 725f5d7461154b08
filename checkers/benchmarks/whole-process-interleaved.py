#!/usr/bin/env python3
"""Times `harness check` as whole processes, one per file, the way users run it in scripts and CI, with several
runners interleaved file by file (so load changes hit them alike): wall time, and CPU time (user + system, from
wait4's rusage, microsecond resolution: /usr/bin/time's 10 ms ticks are too coarse for a 10 ms process), plus
parse_ms / search_ms / total_ms from --json. uptime is written before and after.

Usage: whole-process-interleaved.py OUT.csv ROUNDS DIR_OR_FILE LABEL=COMMAND [LABEL=COMMAND ...] [-- CHECK ARGS]
  e.g. whole-process-interleaved.py out.csv 1 tests/Harness.Checkers.Tests/Corpus/porcupine/jepsen \\
         "r2r=dotnet src/Harness.Cli/bin/ready-to-run/harness.dll" "native=src/Harness.Check.Aot/bin/aot/harness-check" \\
         "script=./harness"
  A directory means its etcd_*.log files, checked with --model cas-register --initial-value nil (as Porcupine's test
  does); a file is checked with the CHECK ARGS after --. Every runner gets the entry script's check environment
  (DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0)."""
import csv, glob, json, os, shlex, statistics, subprocess, sys, time

def run(cmd, args, env):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    try:
        j = json.loads(out)
    except ValueError:
        j = {}
    return wall, ru.ru_utime + ru.ru_stime, p.returncode, j

def main():
    argv = sys.argv[1:]
    check_args = []
    if "--" in argv:
        i = argv.index("--"); check_args = argv[i + 1:]; argv = argv[:i]
    out, rounds, target, runners = argv[0], int(argv[1]), argv[2], [r.split("=", 1) for r in argv[3:]]
    if os.path.isdir(target):
        files = sorted(f for f in glob.glob(os.path.join(target, "etcd_*.log")) if os.path.getsize(f) > 0)
        check_args = check_args or ["--model", "cas-register", "--initial-value", "nil"]
    else:
        files = [target]
    env = dict(os.environ, DOTNET_gcConcurrent="0", DOTNET_TieredPGO="0")
    uptime = lambda: subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    rows, before = [], uptime()
    for rnd in range(rounds):
        for f in files:
            for label, cmd in runners:
                wall, cpu, code, j = run(shlex.split(cmd), ["check", f, "--json"] + check_args, env)
                rows.append([label, rnd, os.path.basename(f), f"{wall:.4f}", f"{cpu:.4f}", j.get("parse_ms"), j.get("search_ms"),
                             j.get("total_ms"), j.get("valid"), code])
    after = uptime()
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["runner", "round", "file", "wall_s", "cpu_s", "parse_ms", "search_ms", "total_ms", "valid", "exit"])
        w.writerows(rows)
    with open(out + ".uptime", "w") as fh:
        fh.write(f"before: {before}\nafter:  {after}\n")
    print(f"before: {before}\nafter:  {after}")
    for label, _ in runners:
        mine = [r for r in rows if r[0] == label]
        walls = sorted(float(r[3]) * 1000 for r in mine); cpus = sorted(float(r[4]) * 1000 for r in mine)
        q = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))]
        print(f"{label}: {len(mine)} processes; wall ms median {statistics.median(walls):.1f} p90 {q(walls, .9):.1f} min {walls[0]:.1f}; "
              f"cpu ms median {statistics.median(cpus):.1f} p90 {q(cpus, .9):.1f} min {cpus[0]:.1f}; exits {sorted(set(r[9] for r in mine))}")

main()
