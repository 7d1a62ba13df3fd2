"""Sentence splitting: abbreviations, decimals, versions, ellipses and quotes."""

import pytest

from memolint.nlp import count_words, load_pipeline, sentences_of
from memolint.segmenter import boundaries


def split(text: str, pipeline: str = "blank") -> list[str]:
    return [s.text for s in sentences_of(0, load_pipeline(pipeline)(text))]


@pytest.mark.parametrize("text", [
    "Latency dropped to approx. 40 ms after the change.",
    "We considered price, speed and risk, i.e. the usual three.",
    "Option A costs $1.2M a year vs. $900K for the other.",
    "Version v2.1 fixed the crash at 3.5 points.",
    "Dr. Patel and Mr. Chen lead the pilot on St. Clair Ave. in Seattle.",
    "The U.S. Army uses the product.",
    "Acme Inc. signed the renewal.",
    "See Fig. 3 and No. 7 in the table.",
    "We waited for the vendor... and waited.",
    "Prices vary, e.g. $10 in the EU.",
])
def test_one_sentence_stays_whole(text):
    assert split(text) == [text]


@pytest.mark.parametrize("first, second", [
    ("We grew fastest in the U.S.", "The team in Germany grew more slowly."),
    ("We tried three vendors, etc.", "None met the security bar."),
    ("We chose Plan B.", "It costs less."),
    ("Option A costs less than option B.", "Option B needs two engineers."),
    ("The first test failed...", "The second one passed."),
    ("He called the plan \"a safe bet.\"", "Two weeks later it was cancelled."),
    ("The team wrote a memo.", "\"Why now?\" was the first question."),
    ("Support tickets fell (see Appendix B.)", "Refunds fell too."),
    ("Acme Inc. is our vendor.", "The contract runs two years."),
    ("Growth was 2.4x year over year.", "20 teams joined."),
])
def test_boundary_is_found(first, second):
    assert split(f"{first} {second}") == [first, second]


def test_boundaries_is_a_pure_function_of_tokens():
    words = ["It", "worked", "!", "The", "queue", "emptied", "."]
    spaces = [" ", "", " ", " ", " ", "", ""]
    assert boundaries(words, spaces) == [True, False, False, True, False, False, False]
    assert boundaries([], []) == []


def test_sentence_offsets_point_into_the_block_text():
    text = "  We ship in May.  Costs fall by 12%, e.g. in support. "
    found = sentences_of(4, load_pipeline("blank")(text))
    assert [(s.block_index, s.start, s.end) for s in found] == [(4, 2, 17), (4, 19, 54)]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_words_are_counted_like_textstat():
    import textstat

    text = "Our customer-friendly policy doesn't cost $12.50 (see https://x.io/a) — e.g. today."
    assert count_words(text) == 9
    assert count_words(text.replace("(see https://x.io/a)", "")) == textstat.lexicon_count(
        text.replace("(see https://x.io/a)", ""))


def test_model_pipeline_uses_the_same_boundaries():
    from tests.test_nlp import MODEL, model_available

    model_available()
    text = "Latency dropped to approx. 40 ms. We grew in the U.S. The team in Germany did not."
    assert split(text, MODEL) == split(text) == [
        "Latency dropped to approx. 40 ms.", "We grew in the U.S.",
        "The team in Germany did not."]


def test_runs_longer_than_a_hundred_characters_are_tamed_for_the_tokenizer_only_in_the_middle():
    from memolint.analysis import Analysis
    from memolint.layout.estimate import page_model_from_config
    from memolint.packs import load_profile
    from memolint.readers.markdown import read_markdown

    long_run, kept_run = "=" * 150, "-" * 100
    text = (f"# Memo\n\nThe log said {long_run}. Then it stopped.\n\n"
            f"A rule {kept_run} stays. It is short enough.\n")
    document = read_markdown(text.encode(), "memo.md")
    analysis = Analysis(document, load_profile("six-pager"), "blank", page_model_from_config({}),
                        "auto")
    sentences = [s.text for s in analysis.sentences]
    tamed = "=" + "x" * 147 + "==."  # the run with its full stop: first and last three kept
    assert sentences == [f"The log said {tamed}", "Then it stopped.",
                         f"A rule {kept_run} stays.", "It is short enough."]
    assert analysis.document.blocks[1].text == f"The log said {long_run}. Then it stopped."
