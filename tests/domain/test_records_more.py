"""domain/records.py names every record; the ones start-up does not need live in
domain/records_more.py and are imported on their first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_record_of_records_more_is_named_by_records() -> None:
    from podyx_desktop.domain import records, records_more

    assert set(records._MORE) == set(records_more.__all__)
    for name in records_more.__all__:
        assert getattr(records, name) is getattr(records_more, name)
    from podyx_desktop.domain.records import Purchase  # a from-import reaches it too

    assert Purchase is records_more.Purchase


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    from podyx_desktop.domain import records

    try:
        records.NoSuchRecord  # noqa: B018
    except AttributeError as error:
        assert "NoSuchRecord" in str(error)
    else:
        raise AssertionError("records.NoSuchRecord did not raise")


def test_importing_records_leaves_the_others_for_later() -> None:
    probe = (
        "import sys\n"
        "from podyx_desktop.domain.records import Booking, SignedIn, StudioInfo\n"
        "print('LATER', 'podyx_desktop.domain.records_more' in sys.modules)\n"
        "from podyx_desktop.domain import records\n"
        "records.Catalogue\n"
        "print('NOW', 'podyx_desktop.domain.records_more' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "LATER False" in done.stdout and "NOW True" in done.stdout
