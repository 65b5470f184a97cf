"""The nightly job in deploy/ (docs/deploy.md): the systemd units and the crontab are valid, and
every ``sckg`` command in them exists in the CLI with options it accepts."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from test_docs import command_tree

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SERVICE = DEPLOY / "sckg-nightly.service"
TIMER = DEPLOY / "sckg-nightly.timer"
CRON = DEPLOY / "sckg-nightly.cron"
SCKG = "/opt/sckg/bin/sckg"  # where docs/deploy.md installs sckg
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def unit(path: Path) -> configparser.ConfigParser:
    """A unit file as configparser reads it; a key given twice (ExecStart) keeps every value, one
    per line."""
    parser = configparser.ConfigParser(
        strict=False, interpolation=None, delimiters=("=",), comment_prefixes=("#", ";")
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive in systemd
    text: list[str] = []
    seen: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0]
        if line.startswith("["):
            seen = set()
        elif "=" in line and not line.startswith("#") and key in seen:
            line = (
                " " + line.split("=", 1)[1]
            )  # a continuation line: configparser joins it to the first value
        seen.add(key)
        text.append(line)
    parser.read_string("\n".join(text))
    return parser


def test_service_runs_import_push_report_in_order() -> None:
    service = unit(SERVICE)
    assert service["Service"]["Type"] == "oneshot"
    steps = service["Service"]["ExecStart"].splitlines()
    assert [shlex.split(step)[:2] for step in steps] == [
        [SCKG, "import"],
        [SCKG, "push"],
        [SCKG, "report"],
    ]
    assert service["Service"]["EnvironmentFile"] == "/etc/sckg/endpoint.env"


def test_timer_fires_nightly_and_is_installed_into_timers_target() -> None:
    timer = unit(TIMER)
    assert timer["Timer"]["OnCalendar"] == "*-*-* 02:30:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    if SYSTEMD_ANALYZE:
        out = subprocess.run(
            [SYSTEMD_ANALYZE, "calendar", timer["Timer"]["OnCalendar"]],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Normalized form: *-*-* 02:30:00" in out


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not on this machine")
def test_systemd_analyze_verifies_the_units(tmp_path: Path) -> None:
    # verify checks that ExecStart's program exists: stand in an executable for the installed sckg.
    stand_in = tmp_path / "sckg"
    stand_in.write_text("#!/bin/sh\n", encoding="utf-8")
    stand_in.chmod(0o755)
    for path in (SERVICE, TIMER):
        (tmp_path / path.name).write_text(
            path.read_text(encoding="utf-8").replace(SCKG, str(stand_in)), encoding="utf-8"
        )
    result = subprocess.run(
        [str(SYSTEMD_ANALYZE), "verify", str(tmp_path / SERVICE.name), str(tmp_path / TIMER.name)],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not on this machine")
def test_systemd_analyze_refuses_a_broken_timer(tmp_path: Path) -> None:
    """The check above would catch a mistake: a timer with an invalid OnCalendar fails verify."""
    broken = tmp_path / "broken.timer"
    broken.write_text(
        TIMER.read_text(encoding="utf-8").replace("*-*-* 02:30:00", "nightly at half past two"),
        encoding="utf-8",
    )
    (tmp_path / "broken.service").write_text(
        "[Service]\nType=oneshot\nExecStart=/bin/true\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(SYSTEMD_ANALYZE), "verify", str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Failed to parse calendar specification" in result.stderr


CRON_FIELDS = [  # (name, lowest, highest) of the five time fields
    ("minute", 0, 59),
    ("hour", 0, 23),
    ("day of month", 1, 31),
    ("month", 1, 12),
    ("day of week", 0, 7),
]


def cron_field_ok(field: str, low: int, high: int) -> bool:
    """One crontab time field: *, N, N-M, lists of these, each with an optional /STEP."""
    for part in field.split(","):
        match = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
        if not match:
            return False
        numbers = [int(n) for n in match.group(2, 3) if n is not None]
        if any(not low <= n <= high for n in numbers) or (
            match.group(4) is not None and int(match.group(4)) < 1
        ):
            return False
        if len(numbers) == 2 and numbers[0] > numbers[1]:
            return False
    return True


def cron_entries(path: Path) -> list[tuple[list[str], str]]:
    """Each non-comment line of a crontab: its five time fields and its command."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            *fields, command = line.split(None, 5)
            entries.append((fields, command))
    return entries


def test_cron_lines_have_five_valid_time_fields_and_a_command() -> None:
    entries = cron_entries(CRON)
    assert [fields for fields, _ in entries] == [["30", "2", "*", "*", "*"]]
    for fields, command in entries:
        assert len(fields) == 5
        for value, (name, low, high) in zip(fields, CRON_FIELDS, strict=True):
            assert cron_field_ok(value, low, high), f"{name} {value!r} is not a valid cron field"
        assert "%" not in command  # cron turns % into a newline
        assert command.split(" && ")[-3:] == [
            step for step in command.split(" && ") if step.startswith(SCKG)
        ]


@pytest.mark.parametrize(
    ("field", "low", "high", "ok"),
    [
        ("30", 0, 59, True),
        ("*/15", 0, 59, True),
        ("1-5", 0, 7, True),
        ("1,3,5", 0, 7, True),
        ("60", 0, 59, False),
        ("5-1", 0, 7, False),
        ("*/0", 0, 59, False),
        ("nightly", 0, 59, False),
        ("", 0, 59, False),
    ],
)
def test_cron_field_check(field: str, low: int, high: int, ok: bool) -> None:
    assert cron_field_ok(field, low, high) is ok


def sckg_calls(text: str) -> list[list[str]]:
    """The argument lists of every call of the installed sckg in a unit file or crontab."""
    calls = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        words = shlex.split(line.split("=", 1)[1] if line.startswith("ExecStart=") else line)
        for i, word in enumerate(words):
            if word == SCKG:
                end = words.index("&&", i) if "&&" in words[i:] else len(words)
                calls.append(words[i + 1 : end])
    return calls


def test_every_sckg_call_is_a_command_with_options_it_accepts() -> None:
    tree = command_tree()  # every command, as tests/test_docs.py finds them
    calls = [
        call
        for path in (SERVICE, TIMER, CRON)
        for call in sckg_calls(path.read_text(encoding="utf-8"))
    ]
    assert [call[:2] for call in calls] == [
        ["import", "oparl"],
        ["push", "--data"],
        ["report", "--store"],
    ] * 2
    for call in calls:
        name = " ".join(call[:2]) if " ".join(call[:2]) in tree else call[0]
        assert name in tree, f"sckg {name} is not a command"
        args = call[len(name.split()) :]
        command = tree[name]
        # click parses the arguments as the CLI would: an unknown option or a missing required one
        # fails here.
        context = command.make_context(name, list(args))
        assert context.params
    assert sckg_calls("ExecStart=/opt/sckg/bin/sckg nosuch --x 1") == [["nosuch", "--x", "1"]]


def test_service_and_crontab_run_the_same_steps() -> None:
    service_calls = sckg_calls(SERVICE.read_text(encoding="utf-8"))
    cron_calls = sckg_calls(CRON.read_text(encoding="utf-8"))
    assert all(call[-1] == "-q" for call in cron_calls)  # cron mails what is printed
    assert [call[:-1] for call in cron_calls] == service_calls
