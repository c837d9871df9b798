"""First-level subdivisions: English names that are names, not nicknames, and coordinates."""

from __future__ import annotations

import pytest

from worker.core.entities.subdivisions import english_names, latlng, subdivisions


@pytest.mark.parametrize(
    ("code", "iso_name", "expected"),
    [
        ("CN-NM", "Nei Mongol Zizhiqu", ["Inner Mongolia", "Inner Mongolia Autonomous Region"]),
        ("CN-GD", "Guangdong Sheng", ["Guangdong"]),  # not "Canton", an old exonym
        ("ES-CT", "Catalunya", ["Catalonia"]),
        ("IN-TN", "Tamil Nādu", []),  # "Land of Temples" is a nickname
        ("NG-LA", "Lagos", []),  # "Las Gidi", "Gidi": slang
        ("JP-13", "Tokyo", ["Tokyo Metropolis"]),  # not "The Big Mikan"
    ],
)
def test_english_names_are_names_of_the_place(
    code: str, iso_name: str, expected: list[str]
) -> None:
    assert english_names(code, iso_name) == expected


def test_subdivisions_have_english_names_codes_and_coordinates() -> None:
    by_code = {
        place.subdivision_code: (names, typed, place) for names, typed, place in subdivisions()
    }
    names, _, place = by_code["CN-NM"]
    assert place.name == "Inner Mongolia" and "Nei Mongol Zizhiqu" in names
    assert place.latitude is not None and 40 < place.latitude < 46
    assert place.longitude is not None and 110 < place.longitude < 120
    assert by_code["NG-OS"][1] == "Osun State"
    assert all(place.country_code != "US" for _, _, place in by_code.values())


def test_us_states_have_coordinates() -> None:
    lat, lng = latlng("US-NY")
    assert lat is not None and lng is not None
    assert 40 < lat < 45 and -80 < lng < -72
    assert latlng("XX-NOPE") == (None, None)


def test_words_of_direction_name_no_subdivision() -> None:
    # CoNLL dev: "Texas 's lead over Seattle in the West increased to six ." is baseball's
    # West, not Cameroon's West Region; "West Coast" (NZ), "North East" (Botswana) alike.
    by_code = {place.subdivision_code: names for names, _, place in subdivisions()}
    assert by_code["CM-OU"] == [] and by_code["NZ-WTC"] == [] and by_code["BW-NE"] == []
    assert "Ontario" in by_code["CA-ON"]
