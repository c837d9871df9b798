"""MinHash signature and LSH band keys of a cleaned body (rensa computes the signature).

The parameters are fixed in code, not settings: signatures made with other
ones cannot be compared, so changing them means starting the index afresh.
They were chosen on the dev pages (`python -m bench.quality stories`).
"""

from __future__ import annotations

import base64
import hashlib
from array import array
from dataclasses import dataclass
from typing import Any

from rensa import RMinHash

from worker.core.stories.shingles import shingles


@dataclass(frozen=True, slots=True)
class SketchParams:
    """How bodies are sketched: permutations, seed, and LSH bands × rows (= permutations)."""

    num_perm: int = 128
    seed: int = 20261130
    bands: int = 32
    rows: int = 2
    min_shingles: int = 8  # shorter bodies join a story only by an exact `content_hash`


SKETCH = SketchParams()


@dataclass(frozen=True, slots=True)
class Sketch:
    """What the index needs of one body: its hash and signature (band keys derive from it,
    so that the index stores 64 keys' worth of bytes once, in the signature)."""

    content_hash: str
    signature: tuple[int, ...]  # empty when the body has too few shingles for near-duplicates

    @property
    def bands(self) -> tuple[str, ...]:
        return band_keys(self.signature) if self.signature else ()

    def to_dict(self) -> dict[str, Any]:
        packed = array("I", self.signature).tobytes()
        return {
            "content_hash": self.content_hash,
            "signature": base64.b64encode(packed).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sketch:
        values = array("I")
        values.frombytes(base64.b64decode(data["signature"]))
        return cls(data["content_hash"], tuple(values))


def sketch_of(body: str, content_hash: str, params: SketchParams = SKETCH) -> Sketch:
    """The sketch of a cleaned body (`content_hash` as in the cleaned event)."""
    found = shingles(body)
    if len(found) < params.min_shingles:
        return Sketch(content_hash, ())
    minhash = RMinHash(num_perm=params.num_perm, seed=params.seed)
    minhash.update(found)
    return Sketch(content_hash, tuple(minhash.digest()))


def band_keys(signature: tuple[int, ...], params: SketchParams = SKETCH) -> tuple[str, ...]:
    """One key per band: bodies that agree on every row of a band share its key."""
    keys = []
    for band in range(params.bands):
        rows = signature[band * params.rows : (band + 1) * params.rows]
        digest = hashlib.blake2b(array("I", rows).tobytes(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return tuple(keys)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two bodies: the share of equal signature rows."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
