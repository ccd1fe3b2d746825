"""The letter as the user edits it: a text box re-checked as they type (debounced in the
browser), versions kept in the workspace, and two versions compared side by side."""

from __future__ import annotations

import difflib
import html
import re
from typing import Any

import streamlit as st

from ..models import Finding

DEBOUNCE_MS = 60
_JS = """
export default function(component) {
  const { data, setStateValue, parentElement } = component;
  let area = parentElement.querySelector("textarea");
  if (!area) {
    area = document.createElement("textarea");
    area.className = "aw-editor";
    area.spellcheck = true;
    parentElement.appendChild(area);
    area.addEventListener("input", () => {
      clearTimeout(area._timer);
      area._timer = setTimeout(() => area._send(area.value), area._wait);
    });
    // Copy what is in the box now, edits included, without waiting for a re-check.
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "aw-copy";
    copy.textContent = "Copy letter";
    copy.setAttribute("data-testid", "aw-copy");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(area.value);
      } catch (err) {
        area.select();
        document.execCommand("copy");
      }
      copy.textContent = "Copied";
      setTimeout(() => { copy.textContent = "Copy letter"; }, 1500);
    });
    parentElement.appendChild(copy);
  }
  // The text goes with the version it was typed over, so a fix applied since is not undone
  // by a report from before it, and an edit after it is never taken for one.
  area._send = (text) => setStateValue("text", { text: text, rev: Number(area.dataset.rev) });
  area._wait = data.debounce;
  area.setAttribute("aria-label", data.label);
  area.setAttribute("data-testid", "aw-editor");
  area.rows = data.rows;
  if (area.dataset.rev !== String(data.rev)) {
    area.value = data.text;
    area.dataset.rev = String(data.rev);
  }
}
"""
_CSS = """
.aw-editor{width:100%;box-sizing:border-box;font-family:Georgia,serif;font-size:1rem;
 line-height:1.5;padding:.8em 1em;border:1px solid #bbb;border-radius:6px;resize:vertical;
 color:#222;background:#fff}
.aw-editor:focus{outline:2px solid #4a7bd0;border-color:#4a7bd0}
.aw-copy{margin-top:.3em;padding:.25em .8em;border:1px solid #bbb;border-radius:6px;
 background:#fff;color:#222;font-family:inherit;font-size:.9rem;cursor:pointer}
.aw-copy:hover{border-color:#4a7bd0}
"""
_EDITOR = st.components.v2.component("afterword_letter_editor", html="", css=_CSS, js=_JS)


def state(ws: dict[str, Any], key: str, original: str) -> dict[str, Any]:
    """Return the edit state of one letter: its kept versions and the text being edited."""
    edits = ws.setdefault("edits", {})
    if key not in edits or edits[key]["versions"][0] != original:
        edits[key] = {"versions": [original], "work": original, "rev": 0, "seen": original}
    return edits[key]  # type: ignore[no-any-return]


def editor(edit: dict[str, Any], key: str, label: str) -> str:
    """Show the editable letter; return its text as the user has typed it so far."""
    # Rows for the whole letter at the usual width (about 100 characters a line), so the
    # sign-off is not hidden below the fold of the box.
    lines = str(edit["work"]).split("\n")
    rows = max(8, sum(1 + len(line) // 100 for line in lines))
    data = {"text": edit["work"], "rev": edit["rev"], "label": label, "rows": rows}
    got = _EDITOR(
        key=f"{key}-editor",
        data={**data, "debounce": DEBOUNCE_MS},
        default={"text": edit["work"]},
        on_text_change=lambda: None,
    )
    sent = got.get("text") if isinstance(got, dict) else getattr(got, "text", None)
    text, rev = _typed(sent)
    # Take the browser's text when it was typed over the version shown now and changed since
    # last seen: after a fix is applied the browser still reports the text from before it
    # (an older version) until the user types again.
    current = rev == edit["rev"] or (rev is None and edit["rev"] == 0)
    if isinstance(text, str) and text != edit.get("seen") and current:
        edit["work"] = text
        edit["seen"] = text
    return str(edit["work"])


def _typed(sent: Any) -> tuple[str | None, int | None]:
    """Return the text the browser sent and the version it was typed over (None: unknown)."""
    if isinstance(sent, dict):
        text, rev = sent.get("text"), sent.get("rev")
        return (text if isinstance(text, str) else None), (rev if isinstance(rev, int) else None)
    return (sent if isinstance(sent, str) else None), None


def replace(edit: dict[str, Any], text: str) -> None:
    """Put a new text in the editor (a fix applied) and keep it as a version."""
    edit["work"] = text
    edit["rev"] += 1
    edit["seen"] = text  # what the browser shows once it has the new version
    keep(edit)


def keep(edit: dict[str, Any]) -> bool:
    """Keep the text being edited as a new version; say whether it was new."""
    if edit["work"] in edit["versions"]:
        return False
    edit["versions"].append(edit["work"])
    return True


def apply_fix(text: str, finding: Finding) -> str | None:
    """Return the text with a finding's suggestion applied, or None when it has no fix."""
    fix = finding.suggestion
    if not fix or finding.rule in _NOT_IN_THE_TEXT:
        return None
    if finding.start is not None and finding.end is not None:
        return text[: finding.start] + fix + text[finding.end :]
    if len(fix.split()) < 3:
        return None  # advice such as a bare name: no place to put it
    sentence = fix.rstrip(".") + "."
    lines = text.rstrip("\n").split("\n")
    # Add the missing sentence to the end of the last body paragraph (before the sign-off).
    blank = [i for i, line in enumerate(lines) if not line.strip()]
    if len(blank) < 2:
        return text.rstrip("\n") + "\n\n" + sentence + "\n"
    at = blank[-1] - 1
    lines[at] = lines[at].rstrip() + " " + sentence
    return "\n".join(lines) + "\n"


# Findings about what stands outside the letter's text: the subject line is the mail app's.
_NOT_IN_THE_TEXT = frozenset({"structure.subject", "facts.subject"})


def label(n: int) -> str:
    """Name a version for the user."""
    return "The draft" if n == 0 else f"Edit {n}"


def compare(edit: dict[str, Any], key: str) -> None:
    """Show two versions side by side, with what changed marked; only when asked, so that
    typing does not redraw them at every key."""
    count = len(edit["versions"])
    if not st.toggle(f"Compare versions ({count} kept)", key=f"{key}-cmp-on"):
        return
    versions = [*edit["versions"]]
    if edit["work"] not in versions:
        versions.append(edit["work"])
    if len(versions) < 2:
        st.caption("Edit the letter or apply a fix to have versions to compare.")
        return
    names = [label(i) for i in range(len(versions))]
    if len(versions) > len(edit["versions"]):
        names[-1] = "Now (not kept yet)"
    left, right = st.columns(2)
    a = left.selectbox(
        "Compare", range(len(names)), 0, format_func=names.__getitem__, key=f"{key}-cmp-a"
    )
    b = right.selectbox(
        "with", range(len(names)), len(names) - 1, format_func=names.__getitem__, key=f"{key}-cmp-b"
    )
    old, new = _marked_diff(versions[a], versions[b])
    box = '<div class="aw-letter" style="font-size:.9rem">{}</div>'
    left.html(_DIFF_STYLE + box.format(old))
    right.html(_DIFF_STYLE + box.format(new))


_DIFF_STYLE = """<style>
.aw-letter{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.5;border:1px solid #ddd;
 border-radius:6px;padding:.8em 1em;background:#fff;color:#222}
.aw-letter del{background:#ffd7d5;text-decoration:line-through}
.aw-letter ins{background:#d4f5dd;text-decoration:none}
</style>"""


def _marked_diff(old: str, new: str) -> tuple[str, str]:
    """Return both texts as HTML, words removed struck out on the left, added on the right."""
    a, b = re.findall(r"\s+|\S+\s*", old), re.findall(r"\s+|\S+\s*", new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        was, now = html.escape("".join(a[i1:i2])), html.escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(was)
            right.append(now)
            continue
        if was:
            left.append(f"<del>{was}</del>")
        if now:
            right.append(f"<ins>{now}</ins>")
    return "".join(left), "".join(right)
