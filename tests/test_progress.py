"""Progress lines: every few seconds off a terminal, redrawn and wiped on one."""

from __future__ import annotations

from kg.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_off_a_terminal_a_whole_line_every_few_seconds() -> None:
    written: list[str] = []
    clock = Clock()
    shown = Progress(written.append, tty=False, every=5.0, clock=clock)
    shown.start("extracting", 10, "articles")
    for _ in range(10):
        clock.now += 2.0
        shown.advance()
    shown.finish()
    assert written == [
        "extracting: 3/10 articles, 6 s\n",
        "extracting: 6/10 articles, 12 s\n",
        "extracting: 9/10 articles, 18 s\n",
    ]


def test_short_work_says_nothing() -> None:
    written: list[str] = []
    clock = Clock()
    shown = Progress(written.append, tty=False, every=5.0, clock=clock)
    shown.start("validating")
    clock.now += 4.0
    shown.tick()
    shown.finish()
    assert written == []


def test_on_a_terminal_one_line_redrawn_then_wiped() -> None:
    written: list[str] = []
    clock = Clock()
    shown = Progress(written.append, tty=True, clock=clock)
    shown.start("validating")
    clock.now += 1.0
    shown.tick()
    clock.now += 10.0
    shown.tick()
    shown.finish()
    assert written == ["\rvalidating: 1 s", "\rvalidating: 11 s", "\r" + " " * 16 + "\r"]


def test_a_heartbeat_reports_while_nothing_advances() -> None:
    import time

    written: list[str] = []
    shown = Progress(written.append, tty=False, every=0.05)
    with shown.stage("querying"):
        time.sleep(0.5)
    assert written and all(line.startswith("querying: ") and line.endswith(" s\n") for line in written)
