"""Inputs bounded in work, not only in bytes (issue 27, items 5, 6, 7 and 9): spreadsheets that
declare a huge dimension or hold too many cells, xlsx parts that expand too far, RDF/XML nested too
deeply, TOML agendas nested too deeply or not UTF-8, review files with broken IRIs, hostile OParl
servers. Each case runs its command in a process of its own whose address space is capped at 1 GB
(RLIMIT_AS): a regression fails the test with a MemoryError instead of exhausting the machine. Each
ends in one line naming the file (and row and column), exit 1, or in the result the file asks
for."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from openpyxl import Workbook
from servers import serving

from sckg.errors import DataError
from sckg.ingest.oparl_fetch import Fetcher, list_items

ROOT = Path(__file__).resolve().parent.parent
#: The address space every command of these tests may use.
MEMORY_CAP = 1 << 30
PAPER = "https://example.org/paper/1"
FIELD = "https://w3id.org/sckg/vocab/field/smart-mobility"
REVIEW_HEADER = "decision,score,paper,target,kind,evidence,text,paper_iri,target_iri"


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def sckg(*args: str | Path, cwd: Path, timeout: float = 60) -> tuple[int, str, str, float]:
    """Run ``sckg ARGS`` with at most 1 GB of address space: exit code, stdout, stderr and
    seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_capped,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


def one_line_error(result: tuple[int, str, str, float]) -> str:
    """The message of a command that failed with one line ``Error: ...`` and exit 1."""
    code, _, stderr, _ = result
    assert code == 1, stderr
    assert stderr.startswith("Error: ") and stderr.endswith("\n") and stderr.count("\n") == 1, (
        stderr
    )
    assert "Internal error" not in stderr
    return stderr.removeprefix("Error: ").removesuffix("\n")


# --- spreadsheets ---------------------------------------------------------------------------------


def workbook(
    path: Path,
    sheet: str,
    rows: list[list[object]],
    *,
    dimension: str | None = None,
    more_xml: str = "",
    doctype: str = "",
) -> Path:
    """An .xlsx file with one sheet of ``rows``; ``dimension`` replaces the sheet's declared
    dimension, ``more_xml`` is appended to its rows (raw ``<row>`` elements), ``doctype`` put before
    its root."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                if dimension:
                    text = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"', text)
                text = text.replace("</sheetData>", more_xml + "</sheetData>")
                text = text.replace("?>", "?>" + doctype, 1)
                data = text.encode()
            target.writestr(item, data)
    return path


def far_cells(first: int, count: int) -> str:
    """``count`` rows from row ``first`` on, each with one text cell in the last column (XFD)."""
    return "".join(
        f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
        for n in range(first, first + count)
    )


def review_xlsx(path: Path, **options: str) -> Path:
    return workbook(
        path,
        "Review",
        [REVIEW_HEADER.split(","), ["accept", 1, "P", "F", "field", "", "", PAPER, FIELD]],
        **options,
    )


def test_a_review_workbook_declaring_every_cell_is_read_by_its_cells(tmp_path: Path) -> None:
    """Item 5: a file of a few KB declaring A1:XFD1048576, with its last row filled, grew to 23.7 GB
    (each of the million rows between was made a row of 16,384 cells); the declared dimension is not
    trusted."""
    review = review_xlsx(
        tmp_path / "review.xlsx",
        dimension="A1:XFD1048576",
        more_xml=(
            '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>reject</t></is></c>'
            f'<c r="H1048576" t="inlineStr"><is><t>{PAPER}</t></is></c>'
            f'<c r="I1048576" t="inlineStr"><is><t>{FIELD}2</t></is></c></row>'
        ),
    )
    assert review.stat().st_size < 10_000
    code, _, stderr, seconds = sckg(
        "link", "papers", "--decisions", review, "--out", "links.ttl", cwd=tmp_path
    )
    assert (code, stderr) == (
        0,
        "Accepted 1 and rejected 1 proposals; links.ttl now holds 1 links and 1 rejections.\n",
    )
    assert f"<{PAPER}> <http://purl.org/dc/terms/subject> <{FIELD}>" in ox_ntriples(
        tmp_path / "links.ttl"
    )
    assert seconds < 30


def test_an_inventory_declaring_every_cell_imports_its_rows(tmp_path: Path) -> None:
    """Item 5: the same dimension made ``sckg import table`` run for more than 150 s."""
    book = workbook(
        tmp_path / "inventory.xlsx",
        "Actors",
        [["Kennung / ID", "Name (de)"], ["rat", "Rat der Stadt"]],
        dimension="A1:XFD1048576",
        more_xml=(
            '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>amt</t></is></c>'
            '<c r="B1048576" t="inlineStr"><is><t>Ein Amt</t></is></c></row>'
        ),
    )
    code, _, stderr, seconds = sckg(
        "import", "table", book, "--out", "city.ttl", "--city", "testcity", cwd=tmp_path
    )
    assert (code, stderr) == (0, "Wrote city.ttl (11 triples) from 2 rows (Actors 2).\n")
    assert seconds < 30


@pytest.mark.parametrize("command", ["import", "link"])
def test_a_workbook_with_too_many_cells_is_refused(tmp_path: Path, command: str) -> None:
    """Cells present, counted up to the last filled column of each row: 130 rows reaching column XFD
    (16,384 columns) are 2.1 million cells, over the cap of 2 million."""
    book = workbook(
        tmp_path / "big.xlsx", "Actors", [["Kennung / ID", "Name (de)"]], more_xml=far_cells(2, 130)
    )
    args = (
        ["import", "table", book, "--out", "city.ttl", "--city", "testcity"]
        if command == "import"
        else ["link", "papers", "--decisions", book, "--out", "links.ttl"]
    )
    assert one_line_error(sckg(*args, cwd=tmp_path)) == (
        f"{book}, sheet Actors, row 124: the workbook holds more than 2,000,000 cells (counted up "
        "to the last filled column of each row); sckg reads at most that many. Split the workbook, "
        "or delete what is far right or below the table."
    )


def test_xlsx_xml_nested_deeply_is_read_within_the_cap(tmp_path: Path) -> None:
    """200,000 nested elements in a cell: openpyxl's parser (expat, iteratively) reads them in
    linear time; the cell's text is what its first run says."""
    deep = "<r>" * 200_000 + "</r>" * 200_000
    review = review_xlsx(
        tmp_path / "deep.xlsx",
        more_xml=(
            f'<row r="3"><c r="A3" t="inlineStr"><is><t>reject</t>{deep}</is></c>'
            f'<c r="H3" t="inlineStr"><is><t>{PAPER}</t></is></c>'
            f'<c r="I3" t="inlineStr"><is><t>{FIELD}2</t></is></c></row>'
        ),
    )
    code, _, stderr, seconds = sckg(
        "link", "papers", "--decisions", review, "--out", "l.ttl", cwd=tmp_path
    )
    assert (code, stderr) == (
        0,
        "Accepted 1 and rejected 1 proposals; l.ttl now holds 1 links and 1 rejections.\n",
    )
    assert seconds < 30


def test_xlsx_xml_declaring_entities_is_refused(tmp_path: Path) -> None:
    """A "billion laughs" in the sheet: nine levels of ten references each, never expanded."""
    entities = "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    review = review_xlsx(
        tmp_path / "laughs.xlsx",
        doctype=f'<!DOCTYPE worksheet [<!ENTITY a "ha">{entities}]>',
        more_xml='<row r="3"><c r="A3" t="inlineStr"><is><t>&i;</t></is></c></row>',
    )
    message = one_line_error(
        sckg("link", "papers", "--decisions", review, "--out", "l.ttl", cwd=tmp_path)
    )
    assert message.startswith(f"{review}: not a readable .xlsx workbook (")
    assert message.endswith("); save it as an Excel workbook")


def test_an_xlsx_part_expanding_too_far_is_refused(tmp_path: Path) -> None:
    """A zip bomb: the sheet's XML expands from a few hundred KB to 120 MB (of spaces)."""
    book = review_xlsx(tmp_path / "bomb.xlsx")
    with (
        zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/padding.xml", "w") as part,
    ):
        for _ in range(120):
            part.write(b" " * 1_000_000)
    assert book.stat().st_size < 1_000_000
    assert one_line_error(
        sckg("link", "papers", "--decisions", book, "--out", "l.ttl", cwd=tmp_path)
    ) == (
        f"{book}: the workbook unpacks to 120.0 MB, more than the 100 MB sckg reads; an inventory "
        "or review file is far smaller. Save it again without what it does not need (images, "
        "other sheets)."
    )


@pytest.mark.parametrize("command", ["import", "link"])
def test_an_xlsx_that_is_not_a_zip(tmp_path: Path, command: str) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("decision,paper_iri,target_iri\n", encoding="utf-8")
    args = (
        ["import", "table", fake, "--out", "city.ttl", "--city", "testcity"]
        if command == "import"
        else ["link", "papers", "--decisions", fake, "--out", "links.ttl"]
    )
    assert one_line_error(sckg(*args, cwd=tmp_path)) == (
        f"{fake}: not an .xlsx workbook (it is not a zip archive); save it as an Excel workbook "
        "(.xlsx) or as CSV."
    )


def test_an_xlsx_whose_compressed_sheet_is_broken_is_a_one_line_error(tmp_path: Path) -> None:
    """The scan for formulas read each sheet before the guarded reading: a broken deflate stream
    gave 'Internal error: error: Error -3 while decompressing data'."""
    book = tmp_path / "broken.xlsx"
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, b"<worksheet>" + b"x" * 5000 + b"</worksheet>")
    data = bytearray(book.read_bytes())
    start = 30 + len(name)  # the local header, then the compressed sheet
    data[start : start + 10] = bytes(b ^ 0xFF for b in data[start : start + 10])
    book.write_bytes(bytes(data))
    error = one_line_error(
        sckg("import", "table", book, "--out", "city.ttl", "--city", "testcity", cwd=tmp_path)
    )
    assert error.startswith(f"{book}: not a readable .xlsx workbook (")
    assert error.endswith("); save it as an Excel workbook")
    assert not (tmp_path / "city.ttl").exists()


# --- review files ---------------------------------------------------------------------------------


def review_csv(path: Path, target: str) -> Path:
    path.write_text(
        f'{REVIEW_HEADER}\naccept,1,P,F,field,,,{PAPER},"{target}"\n', encoding="utf-8", newline=""
    )
    return path


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("https://example.org/a b", "'https://example.org/a b'"),
        ("https://example.org/a>b", "'https://example.org/a>b'"),
        ("https://example.org/a\nb", "'https://example.org/a\\nb'"),
        ("https://example.org/a\x00b", "'https://example.org/a\\x00b'"),
        (
            "https://example.org/ " + "x" * 1_000_000,
            "'https://example.org/ xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' "
            "(1,000,021 characters)",
        ),
    ],
)
def test_a_review_file_with_a_broken_iri(tmp_path: Path, target: str, shown: str) -> None:
    review = review_csv(tmp_path / "review.csv", target)
    assert one_line_error(
        sckg("link", "papers", "--decisions", review, "--out", "links.ttl", cwd=tmp_path)
    ) == (
        f"{review}, row 2, column 9 'target_iri': {shown} is not an IRI (no spaces, "
        "<>\"{}|\\^` or control characters); write the IRI as 'sckg link papers --review' wrote it."
    )
    assert not (tmp_path / "links.ttl").exists()


def test_a_review_file_with_a_cell_of_a_megabyte(tmp_path: Path) -> None:
    """Python's CSV reader refuses a cell over 131,072 characters (it ended in `Internal error:
    csv.Error`)."""
    review = tmp_path / "review.csv"
    review.write_text(
        f'{REVIEW_HEADER}\naccept,1,P,F,field,,"{"x" * 1_000_000}",{PAPER},{FIELD}\n',
        encoding="utf-8",
    )
    code, _, stderr, _ = sckg(
        "link", "papers", "--decisions", review, "--out", "links.ttl", cwd=tmp_path
    )
    assert (code, stderr) == (
        0,
        "Accepted 1 and rejected 0 proposals; links.ttl now holds 1 links and 0 rejections.\n",
    )


def test_a_review_file_that_is_not_utf8(tmp_path: Path) -> None:
    review = tmp_path / "review.csv"
    review.write_bytes(
        f"{REVIEW_HEADER}\naccept,1,P,F,field,,,{PAPER},{FIELD}\n".encode() + b"\x81\n"
    )
    assert one_line_error(
        sckg("link", "papers", "--decisions", review, "--out", "links.ttl", cwd=tmp_path)
    ) == (f"{review}, row 3: not UTF-8 text (byte 0x81); save the file as CSV UTF-8.")


# --- RDF/XML --------------------------------------------------------------------------------------


def test_rdf_xml_nested_too_deeply(tmp_path: Path) -> None:
    """Item 6: RDF/XML nested 50,000 levels deep kept `sckg stats --data` busy for more than 120 s
    (Oxigraph's parser takes time growing with the square of the depth; 50,000 levels of a node and
    a property: 100,000)."""
    deep = tmp_path / "deep.rdf"
    deep.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/">\n'
        + '<ex:A rdf:about="http://example.org/a"><ex:p>' * 50_000
        + "</ex:p></ex:A>" * 50_000
        + "\n</rdf:RDF>\n",
        encoding="utf-8",
    )
    result = sckg("stats", "--data", deep, cwd=tmp_path)
    assert one_line_error(result) == (
        f"{deep}, line 3, column 5755: the XML is nested more than 256 elements deep; RDF/XML "
        "needs a few levels (write the data flatter, or as Turtle)."
    )
    assert result[3] < 30


def test_json_ld_nested_too_deeply(tmp_path: Path) -> None:
    """Oxigraph's JSON-LD parser takes time growing with the square of the depth (2,000 levels: 10
    s) and crashes the process (a segmentation fault; under the cap an abort) at a few thousand."""
    deep = tmp_path / "deep.jsonld"
    deep.write_text(
        '{"@id": "http://example.org/a", "http://example.org/p": ' * 4_000
        + '"x"'
        + "}" * 4_000
        + "\n",
        encoding="utf-8",
    )
    assert one_line_error(sckg("stats", "--data", deep, cwd=tmp_path)) == (
        f"{deep}, line 1, column 3585: the JSON is nested more than 64 levels deep; JSON-LD needs "
        "a few levels (write the data flatter, or as Turtle)."
    )


def test_json_ld_with_brackets_in_strings_loads(tmp_path: Path) -> None:
    nested = tmp_path / "nested.jsonld"
    nested.write_text(
        json.dumps(
            {
                "@id": "http://example.org/a",
                "http://example.org/p": [
                    "{[" * 100 + '\\"' + "{" * 100,
                    {"@id": "http://example.org/b", "http://example.org/q": "]]"},
                ],
            }
        ),
        encoding="utf-8",
    )
    code, stdout, stderr, _ = sckg(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(?g != <https://w3id.org/sckg/graph/model>) }",
        "--data",
        nested,
        "--format",
        "csv",
        cwd=tmp_path,
    )
    assert (code, stdout, stderr) == (0, "n\n3\n", "")


def test_rdf_xml_of_ordinary_depth_loads(tmp_path: Path) -> None:
    nested = tmp_path / "nested.rdf"
    nested.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/">\n'
        + "".join(f'<ex:A rdf:about="http://example.org/a{i}"><ex:p>' for i in range(127))
        + '<ex:A rdf:about="http://example.org/z"/>'
        + "</ex:p></ex:A>" * 127
        + "\n</rdf:RDF>\n",
        encoding="utf-8",
    )
    code, stdout, stderr, _ = sckg(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(?g != <https://w3id.org/sckg/graph/model>) }",
        "--data",
        nested,
        "--format",
        "csv",
        cwd=tmp_path,
    )
    assert (code, stdout, stderr) == (0, "n\n255\n", "")


# --- agendas --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "title = 'x'\n[[slide]]\nview = 'overview'\nnotes = "
            + "[" * 50_000
            + "]" * 50_000
            + "\n",
            4,
        ),
        (
            "title = 'x'\n[[slide]]\nview = 'overview'\nnotes = "
            + "{a=" * 20_000
            + "1"
            + "}" * 20_000
            + "\n",
            4,
        ),
    ],
)
def test_an_agenda_nested_too_deeply(tmp_path: Path, text: str, line: int) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(text, encoding="utf-8")
    assert one_line_error(
        sckg("present", "--agenda", agenda, "--out", "deck.html", cwd=tmp_path)
    ) == (
        f"{agenda}: not a TOML agenda: the values are nested too deeply (an agenda needs two "
        "levels)."
    )


def test_an_agenda_that_is_not_utf8(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_bytes(
        "title = 'Sitzung'\n[[slide]]\nview = 'overview'\nnotes = 'Gr\xfc\xdfe'\n".encode("cp1252")
    )
    assert one_line_error(
        sckg("present", "--agenda", agenda, "--out", "deck.html", cwd=tmp_path)
    ) == (f"{agenda}, line 4, column 12: not UTF-8 text (byte 0xfc); save the agenda as UTF-8.")


# --- OParl crawls ---------------------------------------------------------------------------------


#: The papers of a page of /endless or /same, as JSON, made once.
_PAGES: dict[str, str] = {}


class Crawled(BaseHTTPRequestHandler):
    """/endless/N: a list of pages of 5.5 MB (40,000 papers each) whose next page is N+1; /same/N:
    80 such pages holding the same 40,000 papers; /system: a system with 1,000 bodies (10 pages of
    100), each with 4 lists of 10 small pages."""

    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        parts = self.path.strip("/").split("/")
        content: bytes
        if parts[0] in ("endless", "same"):
            n = int(parts[1])
            prefix = parts[0] if parts[0] == "same" else f"{parts[0]}-{n}"
            if prefix not in _PAGES:
                _PAGES[prefix] = json.dumps(
                    [
                        {
                            "id": f"{base}/paper/{prefix}/{i}",
                            "type": "https://schema.oparl.org/1.1/Paper",
                            "name": f"Vorlage {i:020}",
                        }
                        for i in range(40_000)
                    ]
                )
            last = parts[0] == "same" and n == 79
            content = (
                f'{{"data": {_PAGES[prefix]}, "links": '
                + ("{}}" if last else f'{{"next": "{base}/{parts[0]}/{n + 1}"}}}}')
            ).encode()
        else:
            page: object
            if parts[0] == "system":
                page = {
                    "id": f"{base}/system",
                    "type": "https://schema.oparl.org/1.1/System",
                    "body": f"{base}/bodies/0",
                }
            elif parts[0] == "bodies":
                n = int(parts[1])
                page = {
                    "data": [_body(base, n * 100 + i) for i in range(100)],
                    "links": {"next": f"{base}/bodies/{n + 1}"} if n < 9 else {},
                }
            else:  # /list/<body>/<key>/<n>
                body, key, n = parts[1], parts[2], int(parts[3])
                page = {
                    "data": [{"id": f"{base}/obj/{body}/{key}/{n}", "name": "y"}],
                    "links": {"next": f"{base}/list/{body}/{key}/{n + 1}"} if n < 9 else {},
                }
            content = json.dumps(page).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def _body(base: str, n: int) -> dict[str, str]:
    lists = {
        key: f"{base}/list/{n}/{key}/0"
        for key in ("organization", "meeting", "paper", "locationList")
    }
    return {
        "id": f"{base}/body/{n}",
        "type": "https://schema.oparl.org/1.1/Body",
        "name": f"Body {n}",
        **lists,
    }


@pytest.fixture(scope="module")
def crawled() -> Iterator[str]:
    with serving(Crawled, wait_for_requests=False) as url:
        yield url


def ox_ntriples(path: Path) -> str:
    import pyoxigraph as ox

    return ox.serialize(ox.parse(path=str(path)), format=ox.RdfFormat.N_TRIPLES).decode()


def test_endless_big_pages_stop_at_the_crawls_byte_cap(tmp_path: Path, crawled: str) -> None:
    """Item 9: endless 4 MB pages drove the import to 5.7 GB, then MemoryError. Pages 0-10 are 5.5
    MB each."""
    result = sckg(
        "import",
        "oparl",
        f"{crawled}/endless/0",
        "--out",
        "council.ttl",
        "--city",
        "testcity",
        "--cache",
        tmp_path / "cache",
        "--max-total-mb",
        "60",
        cwd=tmp_path,
        timeout=300,
    )
    assert one_line_error(result) == (
        f"{crawled}/endless/10: the crawl has read more than 60 MB in all; sckg stops there "
        "(raise the limit with --max-total-mb)."
    )
    assert not (tmp_path / "council.ttl").exists()


@pytest.mark.slow
def test_endless_big_pages_stop_at_the_default_cap_within_a_gigabyte(
    tmp_path: Path, crawled: str
) -> None:
    """The same with the default cap (200 MB): the import stops within the 1 GB cap (with a cap of
    500 MB it ended in MemoryError at 929 MB)."""
    result = sckg(
        "import",
        "oparl",
        f"{crawled}/endless/0",
        "--out",
        "council.ttl",
        "--city",
        "testcity",
        "--cache",
        tmp_path / "cache",
        cwd=tmp_path,
        timeout=400,
    )
    assert one_line_error(result) == (
        f"{crawled}/endless/35: the crawl has read more than 200 MB in all; sckg stops there "
        "(raise the limit with --max-total-mb)."
    )


def test_many_bodies_count_towards_the_crawls_page_cap(tmp_path: Path, crawled: str) -> None:
    """Item 9: 1,000 bodies × 5 lists ran for 400 s to 5.6 GB (--max-pages counted each list alone).
    The system, 10 pages of bodies, 40 pages for each of bodies 0-11 and 9 of body 12 make 500: the
    501st is not read."""
    result = sckg(
        "import",
        "oparl",
        f"{crawled}/system",
        "--out",
        "council.ttl",
        "--city",
        "testcity",
        "--cache",
        tmp_path / "cache",
        "--max-pages",
        "10",
        "--max-total-pages",
        "500",
        cwd=tmp_path,
        timeout=300,
    )
    assert one_line_error(result) == (
        f"{crawled}/list/12/organization/9: the crawl has read more than 500 pages in all (lists "
        "of every body); sckg stops there (raise the limit with --max-total-pages)."
    )
    assert len(list((tmp_path / "cache").glob("*.json"))) == 500


def test_the_crawls_caps_name_the_parameters_in_python(crawled: str) -> None:
    fetcher = Fetcher(retries=0, max_total_pages=3)
    with pytest.raises(DataError) as caught:
        list(list_items(fetcher, f"{crawled}/list/0/paper/0", "paper", None))
    assert str(caught.value) == (
        f"{crawled}/list/0/paper/3: the crawl has read more than 3 pages in all (lists of every "
        "body); sckg stops there (raise the limit with max_total_pages)."
    )
    assert (fetcher.pages, fetcher.requests) == (3, 3)


@pytest.mark.slow
def test_memory_follows_the_objects_not_the_pages(tmp_path: Path, crawled: str) -> None:
    """80 pages of 5.5 MB (440 MB of JSON, over the default cap) repeating the same 40,000 papers:
    kept by id, not page by page (all pages held at once took more than the 1 GB cap; now the peak
    is about 270 MB); the pages are in the cache on disk."""
    code, _, stderr, _ = sckg(
        "import",
        "oparl",
        f"{crawled}/same/0",
        "--out",
        "council.ttl",
        "--city",
        "testcity",
        "--cache",
        tmp_path / "cache",
        "--max-total-mb",
        "500",
        cwd=tmp_path,
        timeout=400,
    )
    assert (code, stderr) == (
        0,
        "Wrote council.ttl (240013 triples): 40000 entities (Paper 40000).\n"
        "80 requests, 0 answers from the cache.\n",
    )
    assert len(list((tmp_path / "cache").glob("*.json"))) == 80
