"""Print offer extraction's field accuracy (per field) and its median time per offer.

Run: .venv/bin/python benchmarks/bench_offers.py   (target: >= 95% of labelled fields)
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import ROOT, median_ms

from afterword.evals.offers_eval import FIELDS, accuracy, load_offers
from afterword.offers import extract


def main() -> None:
    """Measure and print."""
    sets = {
        "tuned": load_offers(),
        "holdout": load_offers(ROOT / "evals" / "offers" / "holdout"),
    }
    for name, offers in sets.items():
        counts, misses = accuracy(offers)
        right = sum(r for r, _ in counts.values())
        total = sum(t for _, t in counts.values())
        print(f"{name}: {len(offers)} offers, {right}/{total} fields = {right / total:.1%}")
        print("  " + ", ".join(f"{f} {counts[f][0]}/{counts[f][1]}" for f in FIELDS))
        for miss in misses:
            print(f"  miss: {miss}")
    offers = [o for group in sets.values() for o in group]
    for o in offers:
        extract(o.text, o.today)
    times = [median_ms(lambda o=o: extract(o.text, o.today), 20) for o in offers]
    print(
        f"extraction: median {statistics.median(times):.2f} ms per offer, max {max(times):.2f} ms"
    )


if __name__ == "__main__":
    main()
