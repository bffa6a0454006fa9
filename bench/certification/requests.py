"""Writes wrk Lua scripts for the certification benchmark from the generated CSV:
verify.lua asks for random existing certificates by number and body (verify-paths.txt lists them
for the warm-up); search.lua searches
organization names as people type them: whole names, one distinctive word, and words with a
typo (two letters swapped)."""
import csv
import random
import sys
import urllib.parse

source, out = sys.argv[1], sys.argv[2]
random.seed(7)
rows = []
with open(source, newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    next(reader)
    for i, row in enumerate(reader):
        # Reservoir sample: the file has millions of rows.
        if len(rows) < 20000:
            rows.append(row)
        else:
            j = random.randint(0, i)
            if j < 20000:
                rows[j] = row


def lua(name, paths):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write("local paths = {\n")
        for p in paths:
            f.write('  "' + p.replace("\\", "\\\\").replace('"', '\\"') + '",\n')
        f.write("}\nmath.randomseed(os.time())\n")
        f.write("request = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n")


verify = [
    "/api/v1/certificates/verify?" + urllib.parse.urlencode({"number": r[0], "cb": r[1]})
    for r in rows
]


def typo(word):
    if len(word) < 5:
        return word
    i = random.randint(1, len(word) - 3)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


names = []
for r in rows:
    if len(names) >= 5000:
        break
    name = r[2]
    words = [w.strip(",.&-") for w in name.split() if len(w.strip(",.&-")) >= 5]
    if not words:
        # Names written in Chinese or Japanese characters have no words of five letters; word search
        # does not split such names (see RESULTS.md), so they are left out of the mix.
        continue
    kind = random.random()
    if kind < 0.4:
        query = name
    elif kind < 0.7:
        query = max(words, key=len)
    else:
        query = typo(max(words, key=len))
    if len(query) >= 3:
        names.append("/api/v1/certificates?" + urllib.parse.urlencode({"organization": query}))

lua("verify.lua", verify)
with open(f"{out}/verify-paths.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(verify) + "\n")
lua("search.lua", names)
print(f"{len(verify)} verification and {len(names)} search requests")
