#!/usr/bin/env python3
"""Counts a binary's dynamic relocations by the symbol (and so the library) whose data they patch.

    python3 bench/relocations.py .build-rel/release/vigie

Why: a static Swift binary's start-up is mostly the loader writing these pointers (docs/performance.md,
`vigie --version`). Swift symbols are grouped by their module (`$s<len><Module>`), C++ ones as `C++:`.
Prints the total, then the 30 largest groups.
"""
import subprocess, bisect, sys, re, collections
b=sys.argv[1]
syms=[]
for line in subprocess.run(['nm','-S','--defined-only',b],capture_output=True,text=True).stdout.splitlines():
    p=line.split()
    if len(p)==4:
        a=int(p[0],16); s=int(p[1],16); syms.append((a,s,p[3]))
syms.sort()
addrs=[s[0] for s in syms]
cnt=collections.Counter()
out=subprocess.run(['readelf','-rW',b],capture_output=True,text=True).stdout
n=0
for line in out.splitlines():
    p=line.split()
    if len(p)>=3 and re.fullmatch(r'[0-9a-f]{16}',p[0]):
        off=int(p[0],16); n+=1
        i=bisect.bisect_right(addrs,off)-1
        name='?'
        if i>=0 and off < syms[i][0]+max(syms[i][1],1): name=syms[i][2]
        m=re.match(r'\$s(\d+)',name)
        if m:
            l=int(m.group(1)); key=name[2+len(m.group(1)):2+len(m.group(1))+l]
        elif name.startswith('_ZN') or name.startswith('_ZTV') or name.startswith('_ZTI'):
            key='C++:'+('icu' if 'icu' in name else name[:14])
        else: key=name[:30]
        cnt[key]+=1
print(n)
for k,v in cnt.most_common(30): print(v,k)
