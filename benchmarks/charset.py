"""Why factcheck decodes with a short rule rather than charset-normalizer: both read the samples re-encoded
as Windows-1252 (the commonest legacy encoding of Western releases), whole and in 200-character snippets.

    pip install charset-normalizer   # benchmark only; not a factcheck dependency
    python3 benchmarks/charset.py
"""
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import charset_normalizer  # noqa: E402

from factcheck.document import decode_text  # noqa: E402

texts = []
for f in sorted(str(p) for p in (ROOT / "samples").glob("*.txt")):
    t = open(f, encoding="utf-8").read()
    try:
        data = t.encode("cp1252")
    except UnicodeEncodeError:
        continue
    if data.isascii():
        continue  # pure ASCII: every rule agrees
    texts.append((f, t, data))
cn: collections.Counter = collections.Counter()
rule: collections.Counter = collections.Counter()
cn_ok = rule_ok = 0
for f, t, data in texts:
    best = charset_normalizer.from_bytes(data).best()
    enc = best.encoding if best else None
    cn[enc] += 1
    cn_ok += bool(best) and str(best) == t
    d = decode_text(data, f)
    rule[d.encoding] += 1
    rule_ok += d.text == t
print(f"{len(texts)} samples with non-ASCII characters, encoded as Windows-1252")
print("charset-normalizer:", dict(cn), f"text exactly right: {cn_ok}/{len(texts)}")
print("hand-written rule:", dict(rule), f"text exactly right: {rule_ok}/{len(texts)}")
# 200-character snippets every 400 characters (a headline, a paragraph)
cn_ok = rule_ok = n = 0
for _f, t, _data in texts:
    for k in range(0, len(t) - 200, 400):
        s = t[k:k + 200]
        b = s.encode("cp1252")
        if b.isascii():
            continue
        n += 1
        best = charset_normalizer.from_bytes(b).best()
        cn_ok += bool(best) and str(best) == s
        rule_ok += decode_text(b, "x").text == s
print(f"{n} 200-character snippets with non-ASCII: charset-normalizer right {cn_ok}, rule right {rule_ok}")
