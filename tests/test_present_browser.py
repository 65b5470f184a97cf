"""The meeting deck in headless Chromium: every slide reachable by keyboard and drawn, clicks and
the notes, the presenter window, no outside request, no console error; a slide per field of
action."""

from pathlib import Path

import pytest
from browser import chromium, open_offline, require_browser

from sckg.kg import KnowledgeGraph
from sckg.present import build_deck, write_deck

pytestmark = pytest.mark.browser


def test_every_slide_is_reachable_by_keyboard_and_drawn(
    musterstadt: KnowledgeGraph, tmp_path: Path
) -> None:
    require_browser()
    deck = build_deck(musterstadt, lang="en")
    path = write_deck(deck, tmp_path / "deck.html")
    fields = musterstadt.select(
        "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?p sckg:inFieldOfAction ?f }"
    ).rows[0][0]
    assert (
        sum(s.key.split("-", 1)[1].startswith("field-") for s in deck.slides)
        >= int(fields.value)
        == 11
    )
    with chromium() as browser:
        view = open_offline(browser, path, viewport=(1280, 720))
        page = view.page
        for n, slide in enumerate(deck.slides, 1):
            if n > 1:
                page.keyboard.press("ArrowRight")
            state = page.evaluate("""() => {
                const slide = document.querySelector('.slide.current');
                const box = slide.getBoundingClientRect();
                const svg = slide.querySelector('svg');
                const texts = svg ? Array.from(svg.querySelectorAll('text'))
                    .filter(t => t.getBBox().width > 0).length : 0;
                return [slide.id, slide.querySelector('h1').textContent, Math.round(box.width),\
 texts,
                        slide.querySelector('.number').textContent, location.hash];
            }""")
            assert state[:3] == [f"slide-{n}", slide.title, 1280], n
            assert state[4:] == [f"{n} / {len(deck.slides)}", f"#{n}"]
            if slide.picture:
                assert state[3] > 3, slide.title  # the map or chart is drawn with its labels
        page.keyboard.press("ArrowRight")  # past the end: stays on the last slide
        assert page.evaluate("sckgDeck.current") == len(deck.slides)
        page.keyboard.press("Home")
        assert page.evaluate("sckgDeck.current") == 1
        page.mouse.click(1100, 400)  # right part: next
        assert page.evaluate("sckgDeck.current") == 2
        page.mouse.click(100, 400)  # left third: back
        assert page.evaluate("sckgDeck.current") == 1
        assert not page.is_visible("#slide-1 aside.notes")
        page.keyboard.press("n")
        assert page.is_visible("#slide-1 aside.notes")
        with page.expect_popup() as popup:
            page.keyboard.press("p")
        presenter = popup.value
        page.keyboard.press("End")
        text = presenter.evaluate("document.body.innerText")
        assert f"Slide {len(deck.slides)} / {len(deck.slides)}: {deck.slides[-1].title}" in text
        assert "Next: End" in text and deck.slides[-1].notes[:30] in text
        assert view.outside == [] and view.errors == []


def test_handout_has_a_landscape_page_per_slide(
    braunschweig: KnowledgeGraph, tmp_path: Path
) -> None:
    require_browser()
    import re

    deck = build_deck(braunschweig, lang="de")
    write_deck(deck, tmp_path / "deck.html", tmp_path / "handout.pdf")
    data = (tmp_path / "handout.pdf").read_bytes()
    boxes = re.findall(rb"/Type /Page\b(?!s).*?/MediaBox \[([^\]]*)\]", data, re.S)
    assert len(boxes) == len(deck.slides) == 12  # the key points first (issue 24)
    assert {tuple(box.split()[2:]) for box in boxes} == {
        (b"841.91998", b"594.95996")
    }  # A4 landscape


def test_slide_tables_stay_on_the_slide(musterstadt: KnowledgeGraph, tmp_path: Path) -> None:
    """The side of every slide (figures, table, the count of the rest) fits: nothing runs off the
    slide, on the council's long paper titles and the inventory's long findings too."""
    require_browser()
    from council import meeting_graphs
    from test_present import AGENDA

    from sckg.present import read_agenda

    agenda, every = tmp_path / "agenda.toml", tmp_path / "every.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    every.write_text(
        "".join(
            f'[[slide]]\nview = "{view}"\n\n'
            for view in ("overview", "open-points", "actors", "cycles", "decisions")
        ),
        encoding="utf-8",
    )
    combined = KnowledgeGraph.open(meeting_graphs(tmp_path)["combined"])
    decks = [
        build_deck(combined, lang="de", agenda=read_agenda(every)),
        build_deck(musterstadt, lang="de"),
        build_deck(musterstadt, lang="en", agenda=read_agenda(agenda)),
        build_deck(
            _prioritised(musterstadt, tmp_path), lang="de", agenda=read_agenda(_ranking(tmp_path))
        ),
    ]
    with chromium() as browser:
        for d, deck in enumerate(decks):
            view = open_offline(
                browser, write_deck(deck, tmp_path / f"deck-{d}.html"), viewport=(1280, 720)
            )
            for n, slide in enumerate(deck.slides, 1):
                view.page.evaluate(f"sckgDeck.show({n - 1})")
                side = view.page.evaluate("""() => {
                    const side = document.querySelector('.slide.current .side');
                    return [side.scrollHeight, side.clientHeight, side.querySelectorAll('tbody\
 tr').length,
                            side.scrollWidth, side.clientWidth];
                }""")
                assert side[0] <= side[1] and side[3] <= side[4], (d, slide.key, side)
                assert side[2] == (len(slide.table.rows) if slide.table else 0)


def _prioritised(musterstadt: KnowledgeGraph, tmp_path: Path) -> KnowledgeGraph:
    """Musterstadt with the ranking of its fictional scores stored as an assessment (issue 23)."""
    import datetime

    from sckg import resources
    from sckg.kg import collect_files
    from sckg.prioritise import prioritise
    from sckg.prioritise.assessment import assessment_turtle

    city = resources.dataset("musterstadt")
    result = prioritise(musterstadt, scores=city / "scoring.xlsx", lang="de", runs=50)
    path = tmp_path / "march.ttl"
    path.write_text(assessment_turtle(result, day=datetime.date(2026, 3, 12)), encoding="utf-8")
    return KnowledgeGraph.open([*collect_files([city]), path])


def _ranking(tmp_path: Path) -> Path:
    path = tmp_path / "ranking.toml"
    views = ("priorities", "sensitivity", "quadrant", "waves")
    path.write_text("".join(f'[[slide]]\nview = "{v}"\n\n' for v in views), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_data_terms_fit_on_the_first_slide(lang: str, tmp_path: Path) -> None:
    """Ulm's attribution, licence and source (small print on the first slide) stay on the slide,
    and the slide's side still fits beside them."""
    require_browser()
    from sckg import resources

    ulm = KnowledgeGraph.open([resources.dataset("ulm")])
    deck = build_deck(ulm, lang=lang)
    with chromium() as browser:
        view = open_offline(browser, write_deck(deck, tmp_path / "deck.html"), viewport=(1280, 720))
        found = view.page.evaluate("""() => {
            const slide = document.querySelector('#slide-1');
            const box = slide.getBoundingClientRect();
            const terms = slide.querySelector('.terms').getBoundingClientRect();
            const footer = slide.querySelector('footer').getBoundingClientRect();
            const side = slide.querySelector('.side');
            return [terms.height > 0, terms.bottom <= footer.top + 1,
                    footer.bottom <= box.bottom + 1, terms.right <= box.right + 1,
                    side.scrollHeight <= side.clientHeight, side.scrollWidth <= side.clientWidth];
        }""")
        assert found == [True] * 6, found
        assert view.outside == [] and view.errors == []
