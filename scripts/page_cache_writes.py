#!/usr/bin/env python3
"""System time of writing 1 GB into the page cache in writes of a given size (docs/scale.md, stop 29).

Usage: scripts/page_cache_writes.py DIR [SIZE ...]   (sizes in bytes; default 65536 262144 1048576 2097152)

For each size: removes DIR/page-cache-writes.tmp, syncs, waits 4 s (long enough for a VM's balloon
to take freed memory back), writes 1 GB of the same bytes in writes of that size, and prints the
wall and system time. Gloss's exports write at most 1 MB at a time (`storage::atomic::WRITE_PIECE`).
"""
import os
import resource
import sys
import time


def main() -> None:
    folder = sys.argv[1]
    sizes = [int(a) for a in sys.argv[2:]] or [65536, 262144, 1048576, 2097152]
    path = os.path.join(folder, "page-cache-writes.tmp")
    total = 1 << 30
    for size in sizes:
        if os.path.exists(path):
            os.remove(path)
        os.sync()
        time.sleep(4)
        block = bytes(range(256)) * (size // 256)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_stime
        start = time.monotonic()
        with open(path, "wb", buffering=0) as out:
            for _ in range(total // size):
                out.write(block)
        wall = time.monotonic() - start
        system = resource.getrusage(resource.RUSAGE_SELF).ru_stime - before
        print(f"{size:>9} B writes: {wall:.2f} s wall, {system:.2f} s system")
        os.remove(path)


if __name__ == "__main__":
    main()
