#!/usr/bin/env python3
"""Writes a ~1 MB ISO STS standard built from the STS samples in ../shared/data/sts: the TBX
examples' term entries (renumbered) as clause 3, then clauses 4 onwards made of the samples'
paragraphs, lists, tables and formulas, until the file reaches the size asked for.
Usage: generate.py SAMPLES_DIR OUT [BYTES]"""
import re, sys
import xml.etree.ElementTree as ET

samples, out = sys.argv[1], sys.argv[2]
target = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
tbx = open(f"{samples}/tbx-examples.xml", encoding="utf-8").read()
feature = open(f"{samples}/feature_doc.xml", encoding="utf-8").read()
tables = open(f"{samples}/isosts_tables.xml", encoding="utf-8").read()

entries = re.findall(r"<tbx:termEntry.*?</tbx:termEntry>", tbx, re.S)
paras = re.findall(r"<p>.*?</p>", re.search(r"<body>(.*)</body>", feature, re.S).group(1), re.S)
def well_formed(x):
    try:
        ET.fromstring(f'<r xmlns:mml="m" xmlns:xlink="x" xmlns:tbx="t">{x}</r>')
        return True
    except ET.ParseError:
        return False
paras = [p for p in paras if well_formed(p)]
maths = re.findall(r"<mml:math display=\"block\">.*?</mml:math>", tbx, re.S)
secs = ["".join(paras[(i + k) % len(paras)] for k in range(6)) + f"<disp-formula><label>({i})</label>{maths[i % len(maths)]}</disp-formula>" for i in range(len(paras))]
wraps = [w.replace("&th;", "header text").replace("&td;", "table cell text") for w in re.findall(r"<table-wrap .*?</table-wrap>", tables, re.S)]

def strip_ids(x, suffix):
    return re.sub(r'\bid="([^"]+)"', lambda m: f'id="{m.group(1)}-{suffix}"', x)

parts = ["""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE standard SYSTEM "ISOSTS.dtd">
<standard xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:tbx="urn:iso:std:iso:30042:ed-1">
<front><iso-meta><title-wrap xml:lang="en"><full>Benchmark text &mdash; built from the STS samples</full></title-wrap>
<content-language>en</content-language><std-ident><edition>1</edition></std-ident><std-ref type="dated">ISO 99001:2024</std-ref>
<release-date>2024-01-15</release-date><comm-ref>ISO/TC 1</comm-ref></iso-meta>
<sec sec-type="foreword"><title>Foreword</title><p>Generated for bench/reading.</p></sec></front><body>
<sec sec-type="scope"><label>1</label><title>Scope</title><p>This text exists to be measured.</p></sec>
<sec sec-type="norm-refs"><label>2</label><title>Normative references</title><p>None.</p></sec>
<sec sec-type="terms"><label>3</label><title>Terms and definitions</title>"""]
for i, e in enumerate(entries * 2, 1):
    parts.append(f"<term-sec id=\"sec_3.{i}\"><label>3.{i}</label>{strip_ids(e, f't{i}')}</term-sec>")
parts.append("</sec>")
size = sum(len(p.encode()) for p in parts)
clause = 4
while size < target - 2000:
    body = [f'<sec id="sec_{clause}"><label>{clause}</label><title>Clause {clause}</title>']
    for sub in range(1, 4):
        n = clause * 10 + sub
        content = secs[n % len(secs)] + (wraps[n % len(wraps)] if sub == 2 else "")
        body.append(f'<sec id="sec_{clause}.{sub}"><label>{clause}.{sub}</label><title>Sub-clause {clause}.{sub}</title>{strip_ids(content, str(n))}</sec>')
    body.append("</sec>")
    text = "".join(body)
    parts.append(text)
    size += len(text.encode())
    clause += 1
parts.append('</body><back><app-group><app id="sec_A"><label>Annex A</label><title>Last words</title><p>The end.</p></app></app-group></back></standard>\n')
open(out, "w", encoding="utf-8").write("".join(parts))
print(f"{out}: {size // 1024} KB, clauses 4 to {clause - 1} with 3 sub-clauses each, {len(entries) * 2} term entries")
