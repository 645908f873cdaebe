#!/usr/bin/env bash
# Wall time of the README's test command (`dotnet test KonnectAspire.sln`) on an already built tree, with each test
# project's time and the slowest tests, read from the runner's own results (trx). Run it with nothing else running.
# Usage: benchmarks/test-suite-time.sh [slowest]   (default 10; needs what the tests need, see tests/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
slowest="${1:-10}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Build first and run once untimed: the first run after a change rebuilds the changed test projects, and the README
# test's copy of the repository (under the temp folder) builds from nothing the first time.
echo "== building and warming up (not counted)"
dotnet build KonnectAspire.sln -v quiet -nologo >/dev/null
dotnet test KonnectAspire.sln >/dev/null 2>&1 || { echo "dotnet test fails; run it to see why" >&2; exit 1; }

echo "== dotnet test KonnectAspire.sln"
start=$(date +%s%N)
status=0
dotnet test KonnectAspire.sln --logger trx --results-directory "$results" >"$results/log" 2>&1 || status=$?
end=$(date +%s%N)
if [ "$status" -ne 0 ]; then
  echo "dotnet test failed (exit $status); log:" >&2
  cat "$results/log" >&2
  exit 1
fi

python3 - "$results" "$slowest" "$(( (end - start) / 1000000 ))" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
from datetime import datetime

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder, slowest, wall_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def seconds(duration):
    hours, minutes, rest = duration.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)

def moment(text):
    # trx times carry seven fractional digits, more than fromisoformat reads before Python 3.11
    head, _, tail = text.partition(".")
    fraction, zone = tail[:6], tail[7:] if len(tail) > 7 else ""
    return datetime.fromisoformat(f"{head}.{fraction}{zone}")

projects, tests = [], []
for trx in glob.glob(folder + "/*.trx"):
    root = ET.parse(trx).getroot()
    times = root.find("t:Times", ns)
    method = root.find(".//t:UnitTest/t:TestMethod", ns)
    name = method.get("codeBase").rsplit("/", 1)[-1].removeprefix("KonnectAspire.").removesuffix(".dll")
    counters = root.find(".//t:Counters", ns)
    projects.append((moment(times.get("start")), moment(times.get("finish")), name, counters.get("total")))
    for result in root.iterfind(".//t:UnitTestResult", ns):
        tests.append((seconds(result.get("duration")), name, result.get("testName").rsplit(".", 1)[-1]))

print(f"wall time: {wall_ms / 1000:.1f} s for {len(projects)} test projects, {len(tests)} tests")
print("test projects in the order they ran (start, duration, tests):")
first = min(start for start, _, _, _ in projects)
for start, finish, name, total in sorted(projects):
    print(f"  +{(start - first).total_seconds():5.1f} s  {(finish - start).total_seconds():5.1f} s  {total:>4}  {name}")
print(f"slowest {slowest} tests:")
for duration, name, test in sorted(tests, reverse=True)[:slowest]:
    print(f"  {duration:5.1f} s  {name}: {test[:110]}")
PY
