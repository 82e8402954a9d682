"""``schemas.json_path``: every kind of part, read from any iterable, past its segment table."""

from __future__ import annotations

from ocpi_sdk import schemas
from ocpi_sdk.schemas import _validation


def test_parts_of_every_kind() -> None:
    assert schemas.json_path(["evses", 0, "connectors", 12, "standard"]) == (
        "$.evses[0].connectors[12].standard"
    )
    assert schemas.json_path(("a b", "évse", "0x", "x-y")) == '$["a b"].évse["0x"]["x-y"]'
    assert schemas.json_path([], "$.data[3]") == "$.data[3]"
    assert schemas.json_path(["uid"], "$.data[3]") == "$.data[3].uid"


def test_any_iterable_is_read_once() -> None:
    assert schemas.json_path(iter(["evses", 1])) == "$.evses[1]"
    assert schemas.json_path(part for part in ("new key never seen", 7)) == (
        '$["new key never seen"][7]'
    )


def test_a_bool_is_the_index_it_equals() -> None:
    schemas.json_path([1, 0])  # both in the table
    assert schemas.json_path([True, False]) == "$[1][0]"
    assert schemas.json_path([False, True]) == "$[0][1]"


def test_paths_stay_right_once_the_table_is_full() -> None:
    keys = [f"k{i}" for i in range(_validation._MAX_SEGMENTS + 10)]
    for key in keys:
        assert schemas.json_path([key, 3]) == f"$.{key}[3]"
    assert len(_validation._SEGMENTS) <= _validation._MAX_SEGMENTS
    assert schemas.json_path([keys[-1], "a b"]) == f'$.{keys[-1]}["a b"]'


def test_parse_path_inverts_every_path_written() -> None:
    for parts in (["evses", 0, "uid"], ["évse", "a b", 3, 'x"y', "0x"], []):
        assert schemas.parse_path(schemas.json_path(parts)) == tuple(parts)
