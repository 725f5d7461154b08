#!/bin/bash
# Interleaved one-process linearizability benchmark: round-4 end (cf2b847), main (f6d1a96), speed6; best/median of 30 per run.
export DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0
REG=/work/h-speed/checkers/benchmarks/corpus/register/etcd-register-9988-partition-ok.jsonl
for round in 1 2 3 4; do
  for v in r4 head new; do
    echo "## round $round $v $(uptime)"
    nice -n 19 /usr/bin/time -f "process cpu %U+%S s wall %e s" dotnet /tmp/speed6/kv-$v/kvprobe.dll /work/shared/corpus/porcupine/kv/c50-ok.txt kv 30 porcupine-kv 2>&1
    nice -n 19 /usr/bin/time -f "process cpu %U+%S s wall %e s" dotnet /tmp/speed6/kv-$v/kvprobe.dll $REG cas-register 30 jsonl 2>&1
  done
done
echo "## end $(uptime)"
