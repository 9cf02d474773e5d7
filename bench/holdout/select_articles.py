"""Pick the 20 held-out corpus articles by a fixed rule: one war article per outlet from
ukraine_media (seeded draw), and ten GDELT files (every 23rd, offset 11, of moderate length).

Run by `holdout.py build`, which passes OUT (the inbox folder) and CORPUS.
"""
import csv
import pathlib
import random
import re
import sys

csv.field_size_limit(sys.maxsize)
root = pathlib.Path(globals().get("CORPUS", "../shared/corpus"))
out = pathlib.Path(globals().get("OUT", "inbox"))
WAR = re.compile(r"\b(killed|shelling|missile|drone strike|airstrike|shelled)\b", re.IGNORECASE)
OUTLETS = ["bbc", "guardian", "AssociatedPress", "Reuters", "CNN", "RT", "NBC", "CBS", "ABC", "Mirror"]

rng = random.Random(20261201)
manifest = []
by_outlet: dict[str, list[dict]] = {}
for path in sorted((root / "ukraine_media").glob("*.csv")):
    if path.name == "NYT.csv":
        continue  # abstracts only
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = len(row["Text"].split())
            if 250 <= words <= 1200 and row["Date"] >= "2022-02-24" and WAR.search(row["Text"]):
                by_outlet.setdefault(path.stem, []).append(row)
for i, outlet in enumerate(OUTLETS):
    row = rng.choice(by_outlet[outlet])
    name = f"h{i:02d}_{outlet.lower()}.txt"
    (out / name).write_text(row["Title"].strip() + "\n\n" + row["Text"].strip() + "\n", encoding="utf-8")
    manifest.append((name, row["Date"][:10], outlet, row["URL"]))

files = sorted((root / "gdelt_articles").glob("*.txt"))
picked = [p for k, p in enumerate(files) if k % 23 == 11 and 250 <= len(p.read_text(encoding="utf-8").split()) <= 1500]
for i, path in enumerate(picked[:10], start=10):
    name = f"h{i:02d}_{path.stem}.txt"
    (out / name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    day = path.stem[:8]  # GDELT file names start with the publication time
    manifest.append((name, f"{day[:4]}-{day[4:6]}-{day[6:8]}", "gdelt", ""))

with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["file_name", "published_at", "source", "url"])
    writer.writerows(manifest)
