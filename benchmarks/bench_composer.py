"""Print the offline composer's median time per letter and `afterword draft`'s cold start.

Run: .venv/bin/python benchmarks/bench_composer.py   (targets: < 20 ms per letter, < 1 s)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import EXAMPLES, cold_start, median_ms

from afterword.drafting.offline import compose_one
from afterword.facts import load_facts


def main() -> None:
    """Measure and print."""
    jobs = [(f, i) for p in EXAMPLES for f in [load_facts(p)] for i in range(len(f.recipients))]
    for facts, i in jobs:  # warm the template cache
        compose_one(facts, i)
    per_letter = [median_ms(lambda f=f, i=i: compose_one(f, i), 50) for f, i in jobs]
    per_letter.sort()
    print(
        f"composer: {len(jobs)} letters, median {per_letter[len(per_letter) // 2]:.2f} ms "
        f"per letter, slowest {per_letter[-1]:.2f} ms"
    )
    panel = str(EXAMPLES[0].parent / "thank_you_panel.yaml")
    print(
        "cold start `afterword draft` (3 letters): "
        f"{cold_start(['draft', panel]):.0f} ms median of 7"
    )


if __name__ == "__main__":
    main()
