#!/usr/bin/env python3
"""One Markdown cell pair from `jcmd PID VM.native_memory summary`: total committed MB | the largest areas."""
import re
import sys

text = open(sys.argv[1]).read()
areas = re.findall(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB", text, re.M)
total = re.search(r"Total: reserved=\d+KB, committed=(\d+)KB", text)
if not total:
    print("(no NMT output) |")
else:
    top = sorted(((int(kb), name.strip()) for name, kb in areas), reverse=True)[:7]
    print(f"{int(total.group(1)) / 1024:.1f} | " + ", ".join(f"{name} {kb / 1024:.1f}" for kb, name in top))
