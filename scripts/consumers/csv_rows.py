#!/usr/bin/env python3
"""Reads Gloss's quotes.csv and events.csv with Python's csv module, as a spreadsheet import would.

    csv_rows.py FOLDER

Prints {"quotes": {"header": [...], "rows": n, "widths": [...]}, "events": {...}}: every row must have
as many fields as the header.
"""

import csv
import json
import sys
from pathlib import Path


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return {"header": header, "rows": len(body), "widths": sorted({len(r) for r in body}),
            "first": body[0] if body else None}


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    json.dump({"quotes": read(folder / "quotes.csv"), "events": read(folder / "events.csv")}, sys.stdout)
