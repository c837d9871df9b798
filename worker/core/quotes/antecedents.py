"""Who a "he", "she", "it" or "his" refers to: the latest person or organization the
article made a speaker or a sentence subject, of the pronoun's gender when the article
gives one (`genders`), unless an unnamed person spoke since ("said a spokeswoman of the
... service." ... "she said" is the spokeswoman: nobody named)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping, Sequence

from worker.core.types import Mention, Speaker

MAX_ANTECEDENTS = 50  # earlier speakers and subjects a pronoun may refer to


class Antecedents:
    """The speakers and subjects of one text a pronoun may refer to, in order."""

    def __init__(
        self,
        labels: Sequence[str],
        subjects: Mapping[str, Sequence[Mention]],
        genders: Mapping[str, str],
        unnamed: list[tuple[int, str]],
        entity: Callable[[Mention], Speaker],
    ) -> None:
        self._said: dict[str, list[tuple[int, Speaker]]] = {label: [] for label in labels}
        self._subjects = subjects
        self._subject_starts = {k: [m.start for m in v] for k, v in subjects.items()}
        self._genders = genders
        self._unnamed = unnamed  # (start, "he"/"she"/"") of unnamed people who spoke
        self._entity = entity

    def said(self, start: int, speaker: Speaker, label: str) -> None:
        """A named speaker of a quotation at `start` (`label`: its label as a referent)."""
        self._said[label].append((start, speaker))

    def unnamed(self, start: int, gender: str) -> None:
        """An unnamed speaker of a quotation at `start` ("he", "she" or "" for either)."""
        insort(self._unnamed, (start, gender))

    def find(self, position: int, label: str, pronoun: str = "") -> Speaker | None:
        """The latest named speaker or sentence subject of `label` before `position` that
        `pronoun` ("he", "she", or "" for any) may refer to; for a person, None when an
        unnamed person it may refer to spoke after them."""
        said_list = self._said[label]
        said_at = self._fitting(
            bisect_left(said_list, position, key=lambda item: item[0]) - 1,
            lambda n: said_list[n][1],
            pronoun,
        )
        said = said_list[said_at] if said_at is not None else None
        subjects = self._subjects[label]
        index = self._fitting(
            bisect_left(self._subject_starts[label], position) - 1,
            lambda n: self._entity(subjects[n]),
            pronoun,
        )
        found: Speaker | None = None
        if index is not None and (said is None or subjects[index].start > said[0]):
            at, found = subjects[index].start, self._entity(subjects[index])
        else:
            at, found = said if said else (-1, None)
        return None if label == "PERSON" and self._unnamed_since(at, position, pronoun) else found

    def subjects_between(self, after: int, position: int, label: str) -> list[Mention]:
        """The sentence subjects of `label` after `after` and before `position`, in order."""
        starts = self._subject_starts[label]
        return list(
            self._subjects[label][bisect_right(starts, after) : bisect_left(starts, position)]
        )

    def fits(self, speaker: Speaker, pronoun: str) -> bool:
        """Whether `pronoun` may refer to `speaker` (see `genders`)."""
        return not pronoun or self._genders.get(speaker.canonical, pronoun) == pronoun

    def _unnamed_since(self, after: int, position: int, pronoun: str) -> bool:
        """Whether an unnamed person `pronoun` may refer to spoke between `after` and
        `position`."""
        last = bisect_left(self._unnamed, (position, "")) - 1
        for at in range(last, max(-1, last - MAX_ANTECEDENTS), -1):
            if self._unnamed[at][0] <= after:
                return False
            if not pronoun or self._unnamed[at][1] in ("", pronoun):
                return True
        return False

    def _fitting(self, last: int, speaker: Callable[[int], Speaker], pronoun: str) -> int | None:
        """The latest index up to `last` whose speaker `pronoun` may refer to."""
        for n in range(last, max(-1, last - MAX_ANTECEDENTS), -1):
            if self.fits(speaker(n), pronoun):
                return n
        return None
