"""Print, per tester, how the checker reads the strangers' letters in tests/data/strangers:
fine letters with an error / a warning only / nothing, flawed letters caught as an error /
a warning only / missed.

Run: .venv/bin/python benchmarks/strangers_tally.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from afterword.checker import check
from afterword.facts import load_facts

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "strangers"


def _verdict(path: Path) -> str:
    facts_file, kind_file = path.with_suffix(".yaml"), path.with_suffix(".kind")
    facts = load_facts(facts_file) if facts_file.exists() else None
    kind = kind_file.read_text().strip() if kind_file.exists() else None
    found = {f.severity for f in check(path.read_text(encoding="utf-8"), facts, kind).findings}
    return "error" if "error" in found else "warning" if "warning" in found else "nothing"


def main() -> None:
    """Tally and print."""
    for tester in sorted({p.name.split("-")[0] for p in DATA.glob("*/*.txt")}):
        for part in ("fine", "flawed"):
            paths = sorted((DATA / part).glob(f"{tester}-*.txt"))
            counts = Counter(_verdict(p) for p in paths)
            print(
                f"tester {tester}, {part:<6}: {counts['error']} error, {counts['warning']} "
                f"warning only, {counts['nothing']} nothing, of {len(paths)}"
            )


if __name__ == "__main__":
    main()
