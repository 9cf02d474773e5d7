"""Inbox reading: every format, the manifest, and every kind of bad input as a rejection."""
import json
from datetime import datetime
from pathlib import Path

from extract.reading import MAX_ARTICLE_CHARS, document_id_for, read_inbox

BODY = "Drones struck a depot in Testville overnight, the governor said.\nNobody was hurt."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_title_is_first_non_empty_line(tmp_path):
    write(tmp_path, "a.txt", f"\n\nDepot hit\n\n{BODY}\n")
    (article,) = read_inbox(tmp_path).articles
    assert article.title == "Depot hit"
    assert article.text == f"Depot hit\n\n{BODY}"
    assert article.char_count == len(article.text)


def test_markdown_and_windows_newlines_are_normalized(tmp_path):
    write(tmp_path, "a.md", f"Depot hit\r\n\r\n{BODY}".replace("\n", "\r\n"))
    (article,) = read_inbox(tmp_path).articles
    assert "\r" not in article.text


def test_html_text_is_extracted_from_markup(tmp_path):
    write(tmp_path, "a.html", "<html><head><title>Site | Depot hit</title><script>var x=1;</script></head>"
          "<body><nav>Home</nav><article><h1>Depot hit</h1><p>Drones struck a depot.</p>"
          "<p>Nobody was hurt.</p></article></body></html>")
    (article,) = read_inbox(tmp_path).articles
    assert article.title == "Depot hit"
    assert "Drones struck a depot.\nNobody was hurt." in article.text
    assert "var x" not in article.text and "Home" not in article.text


def test_jsonl_collection_rows_are_articles_named_by_row(tmp_path):
    rows = [{"Title": "One", "Text": "First body.", "published_at": "2024-03-01", "id": "x1"},
            {"title": "Two", "text": "Second body.", "URL": "http://example.org/2"}]
    write(tmp_path, "c.jsonl", "\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    contents = read_inbox(tmp_path)
    names = sorted(a.file_name for a in contents.articles)
    assert names == ["c.jsonl#2", "c.jsonl#x1"]
    first = next(a for a in contents.articles if a.file_name == "c.jsonl#x1")
    assert first.published_at == datetime(2024, 3, 1)
    assert next(a for a in contents.articles if a.file_name == "c.jsonl#2").url == "http://example.org/2"
    assert [r.reason for r in contents.rejections] == ["bad_row"]


def test_csv_collection_with_capitalized_headers(tmp_path):
    write(tmp_path, "c.csv", "Date,URL,Title,Text\n2022-03-05,http://e.org/a,Head,\"Body, with comma.\"\n")
    (article,) = read_inbox(tmp_path).articles
    assert article.title == "Head" and article.text == "Head\n\nBody, with comma."
    assert article.published_at == datetime(2022, 3, 5)


def test_manifest_supplies_date_source_and_url(tmp_path):
    write(tmp_path, "a.txt", f"Depot hit\n\n{BODY}")
    write(tmp_path, "manifest.csv", "file_name,published_at,source,url\na.txt,2025-02-12,Wire,\n")
    (article,) = read_inbox(tmp_path).articles
    assert article.published_at == datetime(2025, 2, 12)
    assert article.source == "Wire" and article.url is None


def test_same_text_in_two_files_has_one_document_id(tmp_path):
    write(tmp_path, "a.txt", f"Depot hit\n\n{BODY}")
    write(tmp_path, "b.txt", f"Depot hit\n\n{BODY}\n\n")
    ids = {a.document_id for a in read_inbox(tmp_path).articles}
    assert len(ids) == 1


def test_changed_text_is_a_new_document_id():
    assert document_id_for("a b") == document_id_for("a  b\n")
    assert document_id_for("a b") != document_id_for("a c")


def test_bad_files_are_rejected_with_reasons_and_good_ones_still_read(tmp_path):
    write(tmp_path, "good.txt", f"Depot hit\n\n{BODY}")
    write(tmp_path, "empty.txt", "  \n\n")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "title_only.txt", "Just a title\n")
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, "huge.txt", "Title\n\n" + "x" * (MAX_ARTICLE_CHARS + 1))
    write(tmp_path, "notext.csv", "title,body\nA,B\n")
    write(tmp_path, ".hidden.txt", "Hidden\n\nnot read")
    contents = read_inbox(tmp_path)
    assert [a.file_name for a in contents.articles] == ["good.txt"]
    reasons = {r.file_name: r.reason for r in contents.rejections}
    assert reasons == {
        "empty.txt": "empty", "binary.txt": "binary", "title_only.txt": "no_body",
        "image.png": "unsupported_type", "huge.txt": "too_large", "notext.csv": "no_text_column",
    }


def test_latin1_text_is_decoded_not_rejected(tmp_path):
    write(tmp_path, "latin.txt", "Caf\xe9 hit\n\nA drone hit the caf\xe9 in the town centre today, "
          "officials said, and the owner was unhurt.".encode("latin-1"))
    (article,) = read_inbox(tmp_path).articles
    assert article.title == "Café hit"
