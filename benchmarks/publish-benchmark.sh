#!/usr/bin/env bash
# Publish time of an AppHost with 5 Kong data-plane groups and 50 routes (EKS manifests), next to the same resources
# published by a bare AppHost without the Kong integration, measured in the same run, interleaved.
# Usage: benchmarks/publish-benchmark.sh [runs]   (default 5; needs only the .NET SDK, no container engine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building benchmarks/PublishBenchmark (Release)"
dotnet build benchmarks/PublishBenchmark -c Release -v quiet -nologo >/dev/null
app=benchmarks/PublishBenchmark/bin/Release/net10.0/KonnectAspire.PublishBenchmark.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One publish; prints its wall time in milliseconds. Fails loudly if the AppHost fails.
publish() {
  local mode=$1 out=$2 start end
  start=$(date +%s%N)
  if ! dotnet "$app" --operation publish --step publish --output-path "$out" "Benchmark:Mode=$mode" >"$out.log" 2>&1; then
    echo "publish with Benchmark:Mode=$mode failed; log:" >&2
    cat "$out.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

echo "== warm-up (not counted)"
for mode in bare eks kong; do publish "$mode" "$work/warm-$mode" >/dev/null; done

bare_times=() eks_times=() kong_times=()
for i in $(seq 1 "$runs"); do
  bare_times+=("$(publish bare "$work/bare-$i")")
  eks_times+=("$(publish eks "$work/eks-$i")")
  kong_times+=("$(publish kong "$work/kong-$i")")
  echo "run $i: bare ${bare_times[-1]} ms, eks ${eks_times[-1]} ms, kong ${kong_times[-1]} ms"
done

bare=$(printf '%s\n' "${bare_times[@]}" | median)
eks=$(printf '%s\n' "${eks_times[@]}" | median)
kong=$(printf '%s\n' "${kong_times[@]}" | median)
files=$(find "$work/kong-1/eks" -type f | wc -l)
bytes=$(cat "$work/kong-1/eks"/* | wc -c)
echo
printf '%-58s %8s\n' "model (5 data-plane groups, 50 routes, 1 project)" "median"
printf '%-58s %6s ms\n' "bare AppHost, no Kong integration (aspire publish)" "$bare"
printf '%-58s %6s ms\n' "same containers, EKS environment, no Kong integration" "$eks"
printf '%-58s %6s ms\n' "Kong integration, EKS manifests (Kong Operator flavour)" "$kong"
printf '%-58s %6s ms\n' "Kong integration minus bare" "$((kong - bare))"
echo "EKS output: $files files, $bytes bytes in $work/kong-1/eks (removed on exit); $runs runs each, process wall time"
