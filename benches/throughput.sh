#!/usr/bin/env bash
# CLI throughput: `copydesk check` over a generated folder of drafts.
#
#   benches/throughput.sh [DRAFTS] [RUNS]      (defaults: 5000 drafts, 5 runs)
#
# Builds the release binary, generates DRAFTS drafts (each 300–900 words, made by
# shuffling paragraphs of examples/drafts and, when present, ../shared/corpus/dev, with a
# few names and figures varied so that drafts differ), runs `copydesk check --format json`
# RUNS times, and prints the median wall time, the throughput in MB/s and the peak
# resident memory of the process. The machine is shared and noisy: quote medians.
set -euo pipefail
cd "$(dirname "$0")/.."
drafts=${1:-5000}
runs=${2:-5}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/drafts" "$drafts" <<'PY'
import os, random, sys, glob
out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
sources = sorted(glob.glob("examples/drafts/*.md") + glob.glob("examples/drafts/*.txt")
                 + glob.glob("../shared/corpus/dev/*.md"))
paragraphs = []
for path in sources:
    text = open(path, encoding="utf-8").read()
    paragraphs += [p for p in text.split("\n\n") if p.strip() and not p.startswith("---")]
rng = random.Random(7)
names = ["Kovalevskyi", "Procházka", "Nwosu-Bello", "Camilleri", "Lévesque"]
for i in range(count):
    body, words = [], 0
    target = rng.randint(300, 900)
    while words < target:
        p = rng.choice(paragraphs)
        p = p.replace("Camilleri", rng.choice(names)).replace("2,300", str(rng.randint(10, 9999)))
        body.append(p)
        words += len(p.split())
    folder = os.path.join(out, f"desk{i % 50:02d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"draft{i:05d}.md"), "w", encoding="utf-8") as f:
        f.write(f"Generated draft {i}\n\n" + "\n\n".join(body) + "\n")
PY
bytes=$(du -sb "$work/drafts" | cut -f1)
times=()
rss=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/time" target/release/copydesk check --format json --fail-on never "$work/drafts" > /dev/null
  read -r seconds kilobytes < "$work/time"
  times+=("$seconds")
  rss+=("$kilobytes")
done
python3 - "$bytes" "$drafts" "${times[*]}" "${rss[*]}" <<'PY'
import sys, statistics
size, drafts = int(sys.argv[1]), int(sys.argv[2])
times = [float(t) for t in sys.argv[3].split()]
rss = [int(k) for k in sys.argv[4].split()]
median = statistics.median(times)
print(f"{drafts} drafts, {size / 1e6:.1f} MB; wall times {sorted(times)} s")
print(f"median {median:.3f} s -> {size / 1e6 / median:.1f} MB/s; peak RSS {max(rss) / 1024:.1f} MB (max of runs)")
PY
