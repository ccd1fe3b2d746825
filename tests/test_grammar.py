"""The grammar family: Harper on the prose, the letter slips in grammar.yaml, and no misfires."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest

from afterword.checker import RULES, check, grammar
from afterword.checker.doc import Doc
from afterword.drafting.offline import compose
from afterword.evals.corpus import load_corpus
from afterword.facts import load_facts, merge
from afterword.models import Channel, DraftOptions, Facts, Finding, Kind

from .conftest import EXAMPLES, example_facts

END = "from the start."
SLIP_RULES = ("missing_to", "look_forward", "word_choice")


def _letter(sentence: str) -> tuple[str, Facts]:
    facts = example_facts(Kind.THANK_YOU)
    text = compose(facts)[0].text.replace(END, f"{END} {sentence}")
    return text, facts


def _grammar(text: str, facts: Facts, kind: Kind | None = None) -> list[Finding]:
    doc = Doc(text, facts, kind or facts.kind)
    return [f for r in RULES.values() if r.id.startswith("grammar.") for f in r.run(doc)]


# (sentence added to a clean letter, grammar rules raised as error or warning, span of one)
TABLE: list[tuple[str, set[str], str | None]] = [
    (
        "I would be pleased relocate to Lyon for the role.",
        {"grammar.missing_to"},
        "be pleased relocate",
    ),
    (
        "I am eager learn how Dr. Łukasiewicz's team works.",
        {"grammar.missing_to"},
        "am eager learn",
    ),
    (
        "i'm so happy join the team in Nairobi.",
        {"grammar.missing_to", "grammar.harper"},
        "'m so happy join",
    ),
    ("We would love meet Mr. Nguyễn again.", {"grammar.missing_to"}, "We would love meet"),
    ("I hope hear from you soon.", {"grammar.missing_to"}, "I hope hear"),
    ("I look forward to hear from you.", {"grammar.look_forward"}, "look forward to hear"),
    (
        "Looking forward to meet Ms. de la Cruz on Monday.",
        {"grammar.look_forward"},
        "Looking forward to meet",
    ),
    (
        "I am looking forward to speak with Ömer Yılmaz.",
        {"grammar.look_forward"},
        "looking forward to speak",
    ),
    ("Thank you for you time.", {"grammar.word_choice"}, "for you time"),
    ("please advice on the next steps", {"grammar.word_choice"}, "please advice"),
    ("I would rather prefer a later start.", {"grammar.word_choice"}, "would rather prefer"),
    (
        "I am very interesting in the role at AT&T.",
        {"grammar.word_choice"},
        "I am very interesting in",
    ),
    ("I am agree with the plan Mr. van der Berg outlined.", {"grammar.word_choice"}, "I am agree"),
    (
        "In the other hand, the team in Osaka is small.",
        {"grammar.word_choice"},
        "In the other hand",
    ),
    ("Kindly revert back with the details.", {"grammar.word_choice"}, "revert back"),
    ("Please do the needful.", {"grammar.word_choice"}, "do the needful"),
    (
        "I have interviewed with Mr. O'Brien yesterday.",
        {"grammar.word_choice"},
        "I have interviewed with Mr. O'Brien yesterday",
    ),
    ("I am having six years of experience in logistics.", {"grammar.word_choice"}, "I am having"),
    ("Let me know if your able to meet.", {"grammar.word_choice"}, "if your able"),
    ("I will sent the deck to Søren tomorrow.", {"grammar.word_choice"}, "will sent"),
    ("Please find attach my portfolio.", {"grammar.word_choice"}, "find attach"),
    ("I has enjoyed our talk about the Kraków office.", {"grammar.harper"}, "has"),
    ("She have been very helpful.", {"grammar.harper"}, "have"),
    ("Thank you for giving me a opportunity to interview.", {"grammar.harper"}, "a"),
    ("I have worked in retail since three years.", {"grammar.harper"}, "since three years"),
    ("Thanks for the informations about the benefits.", {"grammar.harper"}, "informations"),
    ("We discussed about the rollout in São Paulo.", {"grammar.harper"}, "discussed about"),
    ("Its a great team.", {"grammar.harper"}, "Its"),
    ("Their going to decide next week.", {"grammar.harper"}, "Their"),
    ("I did not received the form.", {"grammar.harper"}, "received"),
    ("I want to be apart of your team.", {"grammar.harper"}, "apart of"),
    ("I was glad you enjoyed the sample.", set(), None),
    ("I am excited about the role and happy to relocate.", set(), None),
    ("I look forward to hearing from you, and to the interview.", set(), None),
    ("It was a pleasure to speak with Ms. Nguyễn Thị Mai and Mr. O'Brien.", set(), None),
    ("Mr. 山田 explained how the Osaka office shares its dashboards.", set(), None),
    ("I will do everything I can to help with the transition.", set(), None),
    ("I have prepared course syllabi for both chemistry courses.", set(), None),
    ("I am happy to accept your kind words about my work.", set(), None),
    ("The cutovers at Brightwater Analytics, Inc. went smoothly.", set(), None),
    ("According to your email, the role starts in May.", set(), None),
    (
        "Thanks again for recommending me to Zofia Łukasiewicz, whose questions were sharp.",
        set(),
        None,
    ),
    (
        "I'd welcome the chance to show how SQL and Python could support your planning team.",
        set(),
        None,
    ),
    ("Since we spoke in March, I have completed the PMP certification.", set(), None),
    ("I know you're busy, so I will keep this short.", set(), None),
    ("You can reach me at jane.doe@example.com, or by phone.", set(), None),
    ("It was an honour to meet you and an hour well spent.", set(), None),
    ("I expect to hear about an opening in the Lisbon office.", set(), None),
    ("I left even more interested than I arrived.", set(), None),
]


@pytest.mark.parametrize(("sentence", "rules", "span"), TABLE, ids=[t[0][:40] for t in TABLE])
def test_grammar_table(sentence: str, rules: set[str], span: str | None) -> None:
    text, facts = _letter(sentence)
    found = [f for f in _grammar(text, facts) if f.severity != "suggestion"]
    assert {f.rule for f in found} == rules, [f.message for f in found]
    if span is not None:
        assert span in [text[f.start : f.end] for f in found if f.start is not None]


def _yaml_examples() -> list[tuple[str, str, bool]]:
    return [
        (rule_id, sentence, flag)
        for rule_id in SLIP_RULES
        for pattern in grammar.patterns(rule_id)
        for flag, sentences in ((True, pattern.flag), (False, pattern.passes))
        for sentence in sentences
    ]


@pytest.mark.parametrize(("rule_id", "sentence", "flag"), _yaml_examples())
def test_grammar_yaml_examples(rule_id: str, sentence: str, flag: bool) -> None:
    """Each pattern's own should-flag and should-pass sentences, as grammar.yaml lists them."""
    if flag:
        fixes = [p.fix_for(m) for m, p in grammar.find_slips(rule_id, sentence)]
        assert fixes and all(fixes), sentence
    else:
        assert not [m.group() for r in SLIP_RULES for m, _ in grammar.find_slips(r, sentence)]


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        ("I look forward to hear from you.", "I look forward to hearing from you."),
        ("Looking forward to be part of it.", "Looking forward to being part of it."),
        ("I look forward to begin in May.", "I look forward to beginning in May."),
        ("I look forward to receive it.", "I look forward to receiving it."),
        ("Please advice.", "Please advise."),
        ("I'm very interesting in it.", "I'm very interested in it."),
        ("I am so interesting for the role.", "I am so interested in the role."),
        ("We have met last week.", "We met last week."),
        ("I have spoken to Dr. Rao two days ago.", "I spoke to Dr. Rao two days ago."),
        ("I will sent it.", "I will send it."),
    ],
)
def test_suggestions_apply(sentence: str, fixed: str) -> None:
    text = sentence
    for rule_id in SLIP_RULES:
        for match, pattern in reversed(list(grammar.find_slips(rule_id, text))):
            text = text[: match.start()] + (pattern.fix_for(match) or "") + text[match.end() :]
    assert text == fixed


@pytest.mark.parametrize(
    "before", ["Łukasiewicz", "山田 太郎", "Nguyễn Thị Mai", "Ömer Yılmaz 🙂", "O’Brien—"]
)
def test_harper_spans_are_str_offsets(before: str) -> None:
    text = f"I met {before} and I has enjoyed it."
    spans = [text[lint.span.start : lint.span.end] for _, lint in grammar.harper_lints(text)]
    assert spans == ["has"]


def test_dictionary_holds_only_this_letters_facts() -> None:
    first = example_facts(Kind.THANK_YOU)
    other = Facts.model_validate(
        merge(first.model_dump(), {"recipients": [{"name": "Zofia Łukasiewicz"}]})
    )
    for facts, has in ((first, False), (other, True), (first, False)):
        words = grammar.fact_vocabulary(facts)
        grammar.harper_lints("I met them.", words)
        added = set(grammar.linter().export_words())  # words Harper already knows are skipped
        assert added <= set(words)
        assert ("Łukasiewicz" in added) is has and ("Jones" in added) is not has
    grammar.harper_lints("I met them.", ())
    assert grammar.linter().export_words() == []


def test_check_adds_no_words_while_harper_spelling_is_off() -> None:
    """Harper's spelling lint is off (mechanics.spelling reads names), so the facts' words
    would change nothing and cost ~40 ms a letter; check() leaves the dictionary alone."""
    facts = Facts.model_validate(
        merge(example_facts(Kind.THANK_YOU).model_dump(), {"recipients": [{"name": "Ömer Yılmaz"}]})
    )
    check(compose(facts)[0].text, facts)
    assert grammar.linter().export_words() == []


def test_threads_share_one_linter_safely() -> None:
    letters = [(compose(example_facts(k))[0].text, example_facts(k)) for k in list(Kind)[:6]]
    alone = [check(t, f).model_dump() for t, f in letters]
    results: dict[int, list[object]] = {}

    def run(n: int) -> None:
        results[n] = [check(t, f).model_dump() for t, f in letters]

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == alone for r in results.values())


def test_harper_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    """Harper's LookingForwardTo printed a debug line to stdout, breaking `check --json`."""
    text, facts = _letter("I am looking forward to meet you. I look forward to hear from you.")
    assert _grammar(text, facts)
    assert capfd.readouterr().out == ""


def test_prose_is_the_body_paragraphs_only() -> None:
    facts = example_facts(Kind.THANK_YOU).model_copy(update={"channel": Channel.LETTER})
    text = compose(facts)[0].text.replace(END, f"{END}\n\nFrom: Jane Doe\nTo: Tom Jones")
    pieces = grammar.prose(Doc(text, facts, facts.kind))
    assert all(len(p.text) == p.end - p.start for p in pieces)
    kept = " ".join(" ".join(p.text for p in pieces).split())
    assert "Thank you for taking the time" in kept
    for gone in ("Jane Doe", "12 Elm Street", "Dear Mr. Jones", "Best regards", "From:", "To:"):
        assert gone not in kept


@pytest.mark.parametrize("joiner", [" ", "\n", "\n\n"])
def test_long_paste_is_cut_at_sentence_ends(joiner: str) -> None:
    """Harper slows down faster than a text grows, so a long paste is read in pieces."""
    facts = example_facts(Kind.THANK_YOU)
    body = joiner.join(f"Point {n} of the plan matters. I has enjoyed it." for n in range(400))
    text = f"Dear Mr. Jones,\n\n{body}\n\nBest regards,\nJane Doe\n"
    pieces = grammar.prose(Doc(text, facts, facts.kind))
    assert max(len(p.text) for p in pieces) <= 4000
    assert all(text[p.start : p.end] == p.text for p in pieces)
    hits = [f for f in _grammar(text, facts) if f.rule == "grammar.harper"]
    assert [text[f.start : f.end] for f in hits if f.start is not None] == ["has"] * 400


def test_good_corpus_letters_raise_no_grammar_finding() -> None:
    bad = [
        (item.id, f.message)
        for item in load_corpus()
        if not item.expect
        for f in _grammar(item.text, item.facts, item.kind)
        if f.severity != "suggestion"
    ]
    assert bad == []


def test_every_composed_letter_raises_no_grammar_error() -> None:
    bad = []
    for path in sorted(Path(EXAMPLES).glob("*.yaml")):
        base = load_facts(path)
        for channel, length, tone in itertools.product(
            Channel, ("normal", "short"), ("neutral", "formal", "warm")
        ):
            facts = base.model_copy(update={"channel": channel})
            for draft in compose(facts, options=DraftOptions(length=length, tone=tone)):
                found = _grammar(draft.text, facts)
                bad += [
                    (path.stem, channel.value, f.message) for f in found if f.severity == "error"
                ]
    assert bad == []
