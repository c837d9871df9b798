"""Quote marks of wire copy whose paragraph breaks were lost, and mistyped marks, on
excerpts of real stories (TimeML's AP copy of 1990, the gold set's AP review)."""

from __future__ import annotations

from tests.unit.test_quotes import GOLD, _quoted

# AP, 16 Aug 1990: one line; the quotation ran over a paragraph break (no closing mark,
# the next paragraph opening with one), and the break is gone.
AP = (
    "Replied State Department deputy spokesman Richard Boucher, \"We haven't really "
    "analyzed the statement in detail but it appears to be just another example of his "
    'outlandish rhetoric and his attempts to distort the truth. "We believe that his words '
    'cannot distract the world from the facts of Iraqi aggression." An international land, '
    "sea and air force has mobilized since Iraq's invasion. \"We don't just arrive,\" said "
    'four-star Gen. John Dailey. "We\'re there to stay for a fairly lengthy period."'
)


def test_a_quotation_that_ran_over_a_lost_paragraph_break_ends_where_the_next_opens() -> None:
    assert _quoted(AP) == [
        "We haven't really analyzed the statement in detail but it appears to be just another "
        "example of his outlandish rhetoric and his attempts to distort the truth.",
        "We believe that his words cannot distract the world from the facts of Iraqi aggression.",
        "We don't just arrive,",
        "We're there to stay for a fairly lengthy period.",
    ]


def test_an_opening_mark_typed_for_a_closing_one_closes() -> None:
    text = GOLD["15566352"]  # 'recalls happy times with the “very, very beautiful“ actress'
    assert "very, very beautiful" in _quoted(text)
