"""Public API lines (PublicApiAnalyzers format) for the generator's output, read from the emitted .g.cs files."""
import re, sys, pathlib
gen = pathlib.Path(sys.argv[1])
VALUE = {'int','long','bool','double','void','byte','short','float','decimal','char'}
def ty(t):
    t = t.strip().replace('global::','')
    nullable = t.endswith('?')
    if nullable: t = t[:-1]
    m = re.match(r'^([\w.]+)(?:<(.*)>)?$', t)
    base, args = m.group(1), m.group(2)
    if args is not None:
        parts, depth, cur = [], 0, ''
        for ch in args:
            if ch == ',' and depth == 0: parts.append(cur); cur=''; continue
            depth += ch=='<'; depth -= ch=='>'; cur += ch
        parts.append(cur)
        inner = base + '<' + ', '.join(ty(p) for p in parts) + '>'
    else:
        inner = base
    if base in VALUE or base.endswith('Kind') or base.endswith('Style'):
        return inner + ('?' if nullable else '')
    return inner + ('?' if nullable else '!')
def params(p):
    out=[]
    if not p.strip(): return ''
    depth, cur, items = 0, '', []
    for ch in p:
        if ch == ',' and depth == 0: items.append(cur); cur=''; continue
        depth += ch=='<'; depth -= ch=='>'; cur += ch
    items.append(cur)
    for it in items:
        it = it.strip(); this = it.startswith('this ')
        if this: it = it[5:]
        default = None
        if '=' in it: it, default = [x.strip() for x in it.split('=',1)]
        t, name = it.rsplit(' ',1)
        s = ('this ' if this else '') + ty(t) + ' ' + name
        if default is not None: s += ' = ' + default
        out.append(s)
    return ', '.join(out)
lines=set()
for f in sorted(gen.glob('*.g.cs')):
    text = f.read_text()
    ns = re.search(r'namespace ([\w.]+)', text).group(1)
    stack=[]
    for line in text.splitlines():
        m = re.match(r'\s*(?:(?:public|internal) )?(?:static |sealed |abstract )*(?:partial )?(class|record|struct) (\w+)', line)
        if m:
            full = ns + '.' + m.group(2)
            if line.strip().startswith('public') and 'partial' in line and 'BuilderExtensions' in m.group(2):
                lines.add(full)
            stack=[full]; continue
        if not stack: continue
        t = stack[-1]
        s = line.strip()
        if not s.startswith('public '): continue
        s = s[len('public '):]
        static = s.startswith('static ')
        if static: s = s[len('static '):]
        pre = 'static ' if static else ''
        m = re.match(r'const (\S+) (\w+) = (.*);', s)
        if m: lines.add(f'const {t}.{m.group(2)} = {m.group(3)} -> {ty(m.group(1))}'); continue
        m = re.match(r'(?:override )?(.+?) (\w+)\((.*)\)\s*(?:=>.*)?$', s)
        if m and '{' not in m.group(1):
            lines.add(f'{pre}{t}.{m.group(2)}({params(m.group(3))}) -> {ty(m.group(1))}'); continue
        m = re.match(r'(.+?) (\w+) \{ get;(?: (?:init|set);)? \}', s)
        if m:
            lines.add(f'{pre}{t}.{m.group(2)}.get -> {ty(m.group(1))}')
            if 'init;' in s: lines.add(f'{t}.{m.group(2)}.init -> void')
            if 'set;' in s: lines.add(f'{t}.{m.group(2)}.set -> void')
            continue
        m = re.match(r'(.+?) (\w+)\s*=>', s)
        if m: lines.add(f'{pre}{t}.{m.group(2)}.get -> {ty(m.group(1))}'); continue
        print('UNHANDLED', f.name, line, file=sys.stderr)
print('\n'.join(sorted(lines)))
