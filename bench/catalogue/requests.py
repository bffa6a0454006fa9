#!/usr/bin/env python3
"""Request lists for the catalogue benchmark, drawn from the generated data set (same seed, same lists).

Usage: requests.py DELIVERABLES.jsonl OUT_FOLDER
Writes standard-one.txt (the one page nginx also serves), standard-mix.txt (1,000 standard pages)
and search.txt (200 realistic searches: identifiers typed several ways, words, typos, filters).
"""
import json
import random
import sys
import urllib.parse

source, out = sys.argv[1], sys.argv[2]
random.seed(7)
rows = [json.loads(line) for line in open(source, encoding="utf-8")]
published = [r for r in rows if 6060 <= r["currentStage"] < 9599 and not r["supplementType"]]

# The page measured against nginx: a published standard with a previous edition, so the page
# shows a real life cycle.
one = next(r for r in published if r["replaces"])
open(f"{out}/standard-one.txt", "w").write(f"/standard/{one['id']}\n")
open(f"{out}/standard-mix.txt", "w").write("".join(f"/standard/{r['id']}\n" for r in random.sample(published, 1000)))

def q(text, extra=""):
    return "/search?q=" + urllib.parse.quote(text) + extra

def typo(word):
    if len(word) < 5:
        return word
    i = random.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if random.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]

searches = []
sample = random.sample(published, 60)
for r in sample[:25]:                                   # the reference as published
    searches.append(q(r["reference"]))
for r in sample[25:40]:                                 # typed loosely: iso12345-2:2015
    searches.append(q(r["reference"].lower().replace(" ", "")))
for r in sample[40:50]:                                 # the bare number
    searches.append(q(r["reference"].split(" ")[-1].split(":")[0].split("-")[0]))
for r in sample[50:60]:                                 # the start of a number
    number = r["reference"].split(" ")[-1].split(":")[0].split("-")[0]
    searches.append(q("ISO " + number[:-1]))

titles = [r["title"]["en"] for r in random.sample([r for r in rows if not r["supplementType"]], 200)]
subjects = [t.split(" — ")[0] for t in titles]
aspects = [t.split(" — ")[-1].split(": ")[-1] for t in titles]
french = [r["title"]["fr"].split(" — ")[0] for r in rows if r["title"].get("fr")][:400]
for s in subjects[:30]:                                 # a subject
    searches.append(q(s.lower()))
for s, a in zip(subjects[30:50], aspects[30:50]):       # subject and aspect
    searches.append(q(f"{s} {a}".lower()))
for a in aspects[50:60]:                                # an aspect alone: broad queries
    searches.append(q(a.lower()))
for f in random.sample(french, 10):                     # French titles, accents and all
    searches.append(q(f.lower()))
for s in subjects[60:90]:                               # a typo in one word
    words = s.lower().split()
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if long:
        i = random.choice(long)
        words[i] = typo(words[i])
    searches.append(q(" ".join(words)))
filters = ["&status=published", "&type=TS", "&ics=43", "&from=2015&to=2020", "&status=under-development",
           "&sort=newest", "&page=2", "&language=fr", "&type=TR&status=published", "&committee=" + urllib.parse.quote("ISO/TC 22")]
for i, s in enumerate(subjects[90:120]):                # words with filters, sorts and pages
    searches.append(q(s.lower(), filters[i % len(filters)]))
for r in random.sample(published, 10):                  # identifiers with a filter
    searches.append(q(r["reference"].split(":")[0], "&status=published"))
assert len(searches) == 200, len(searches)
open(f"{out}/search.txt", "w").write("\n".join(searches) + "\n")
print(f"standard page {one['reference']} (/standard/{one['id']}), 1000 standard pages, {len(searches)} searches")
