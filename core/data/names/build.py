#!/usr/bin/env python3
"""Builds first.txt and last.txt from the US Census 1990 name frequency files.

The input files ship in the PyPI package `names` (dist.male.first, dist.female.first,
dist.all.last; columns: NAME FREQ% CUMULATIVE% RANK). Usage:

    python3 core/data/names/build.py [DIR_OF_NAMES_PACKAGE]

Output: one upper-case ASCII name per line, sorted, no duplicates.
"""
import pathlib
import sys

# Cut-offs, in percent of the 1990 population carrying the name (see README.md for why).
FIRST_MIN_FREQ = 0.002
LAST_MIN_FREQ = 0.001


def read(path, min_freq):
    names = set()
    for line in path.read_text().splitlines():
        cols = line.split()
        if len(cols) != 4:
            continue
        name, freq = cols[0], float(cols[1])
        if freq >= min_freq and name.isascii() and name.isalpha() and 2 <= len(name) <= 16:
            names.add(name.upper())
    return names


def main():
    if len(sys.argv) > 1:
        src = pathlib.Path(sys.argv[1])
    else:
        import names  # the PyPI package holding the census files

        src = pathlib.Path(names.__file__).parent
    out = pathlib.Path(__file__).parent
    first = read(src / "dist.male.first", FIRST_MIN_FREQ) | read(src / "dist.female.first", FIRST_MIN_FREQ)
    last = read(src / "dist.all.last", LAST_MIN_FREQ)
    (out / "first.txt").write_text("".join(n + "\n" for n in sorted(first)))
    (out / "last.txt").write_text("".join(n + "\n" for n in sorted(last)))
    print(f"first.txt: {len(first)} names, last.txt: {len(last)} names")


if __name__ == "__main__":
    main()
