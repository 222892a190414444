#!/usr/bin/env python3
# Shares of the time under one frame (ROOT) in a dotnet-trace speedscope file, by frame name (inclusive), for reading the
# profile of `bench/generator-edit.sh 200 8 profile`. Usage: speedscope_shares.py FILE.speedscope.json ROOT [REGEX...]
# (no REGEX: the 70 largest frames, then the largest self times).
import json, sys, re, collections
data = json.load(open(sys.argv[1])); root = sys.argv[2]; pats = sys.argv[3:]
frames = [f["name"] for f in data["shared"]["frames"]]
incl = collections.Counter(); total = 0.0; selfc = collections.Counter()
for prof in data["profiles"]:
    if prof["type"] == "evented":
        stack = []; last = None
        for ev in prof["events"]:
            t = ev["at"]
            if stack and last is not None:
                dt = t - last
                names = [frames[i] for i in stack]
                if any(root in n for n in names):
                    total += dt
                    seen = set()
                    for n in names:
                        short = re.sub(r"\(.*", "", n)
                        if short not in seen: seen.add(short); incl[short] += dt
                    selfc[re.sub(r"\(.*", "", names[-1])] += dt
            last = t
            if ev["type"] == "O": stack.append(ev["frame"])
            else:
                if stack: stack.pop()
print(f"total under {root}: {total:.0f} ms")
if pats:
    for p in pats:
        v = sum(val for k, val in incl.items() if re.search(p, k))
        print(f"{100*v/total:5.1f}%  {p}")
else:
    for k, v in incl.most_common(70): print(f"{100*v/total:5.1f}% {k[:160]}")
    print("--- self")
    for k, v in selfc.most_common(30): print(f"{100*v/total:5.1f}% {k[:160]}")
