#!/usr/bin/env python3
"""Strict checker of the Prometheus text format 0.0.4, for the metrics
files vplaned and vplane-ctrl write (docs/metrics.md).  Stricter than
Prometheus itself where vPlane promises more: every family has # HELP and
# TYPE before its samples, the samples of a family are together, no series
twice, counters end in _total and are not negative, no other comments.

  prom-check.py check FILE...          exit 1 with the errors, if any
  prom-check.py names FILE...          the families, one a line, sorted
  prom-check.py get FILE NAME [L=V...] the sum of the matching samples
  prom-check.py doc-names DOC          the metric names docs/metrics.md lists
"""
import re
import sys

NAME = r'[a-zA-Z_:][a-zA-Z0-9_:]*'
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*'
FLOAT = r'[+-]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|Inf|NaN)'
HELP_RE = re.compile(r'# HELP (%s) (.*)$' % NAME)
TYPE_RE = re.compile(r'# TYPE (%s) (counter|gauge|histogram|summary|untyped)$'
                     % NAME)
SAMPLE_RE = re.compile(r'(%s)(\{.*\})? (%s)(?: (-?[0-9]+))?$' % (NAME, FLOAT))


class Error(Exception):
    pass


def parse_labels(text, where):
    """'{a="x",b="y"}' -> (("a", "x"), ("b", "y")), escapes undone."""
    labels, i, s = [], 1, text
    while s[i] != '}':
        m = re.compile(LABEL).match(s, i)
        if not m:
            raise Error('%s: bad label name at %r' % (where, s[i:]))
        name, i = m.group(0), m.end()
        if name.startswith('__'):
            raise Error('%s: reserved label name %s' % (where, name))
        if s[i:i + 2] != '="':
            raise Error('%s: expected =" after %s' % (where, name))
        i += 2
        value = []
        while s[i] != '"':
            if s[i] == '\\':
                esc = s[i + 1]
                if esc not in '\\"n':
                    raise Error('%s: bad escape \\%s' % (where, esc))
                value.append('\n' if esc == 'n' else esc)
                i += 2
            else:
                value.append(s[i])
                i += 1
            if i >= len(s):
                raise Error('%s: unterminated label value' % where)
        i += 1
        if any(n == name for n, _ in labels):
            raise Error('%s: label %s twice' % (where, name))
        labels.append((name, ''.join(value)))
        if s[i] == ',':
            i += 1
        elif s[i] != '}':
            raise Error('%s: expected , or } at %r' % (where, s[i:]))
    if i != len(s) - 1:
        raise Error('%s: text after the labels' % where)
    return tuple(labels)


def parse(path):
    """Returns {family: (type, help, [(labels, value)])}, or raises."""
    text = open(path, encoding='utf-8').read()
    if not text.endswith('\n'):
        raise Error('%s: does not end with a newline' % path)
    families, current, series = {}, None, set()
    for n, line in enumerate(text[:-1].split('\n'), 1):
        where = '%s:%d' % (path, n)
        if line.startswith('#'):
            m = HELP_RE.match(line) or TYPE_RE.match(line)
            if not m:
                raise Error('%s: not a HELP or TYPE line: %r' % (where, line))
            name = m.group(1)
            fam = families.setdefault(name, {'type': None, 'help': None,
                                             'samples': []})
            if fam['samples']:
                raise Error('%s: %s after its samples' % (where, line[:6]))
            key = 'help' if line.startswith('# HELP') else 'type'
            if fam[key] is not None:
                raise Error('%s: second # %s for %s' % (where, key.upper(),
                                                       name))
            if key == 'help' and re.search(r'\\[^\\n]', m.group(2)):
                raise Error('%s: bad escape in HELP' % where)
            fam[key] = m.group(2)
            current = name
            continue
        m = SAMPLE_RE.match(line)
        if not m:
            raise Error('%s: not a sample: %r' % (where, line))
        name = m.group(1)
        if name != current or families[name]['type'] is None \
           or families[name]['help'] is None:
            raise Error('%s: sample of %s without its HELP and TYPE just '
                        'before' % (where, name))
        labels = parse_labels(m.group(2), where) if m.group(2) else ()
        key = (name, tuple(sorted(labels)))
        if key in series:
            raise Error('%s: series %s%s twice' % (where, name, labels))
        series.add(key)
        value = float(m.group(3))
        fam = families[name]
        if fam['type'] == 'counter':
            if not name.endswith('_total'):
                raise Error('%s: counter %s does not end in _total'
                            % (where, name))
            if not value >= 0:
                raise Error('%s: counter %s is %s' % (where, name, value))
        elif fam['type'] != 'gauge':
            raise Error('%s: vPlane writes counters and gauges only' % where)
        fam['samples'].append((dict(labels), value))
    for name, fam in families.items():
        if fam['type'] is None or fam['help'] is None:
            raise Error('%s: %s lacks HELP or TYPE' % (path, name))
        if fam['type'] != 'counter' and name.endswith('_total'):
            raise Error('%s: %s ends in _total, not a counter' % (path, name))
    return families


def main(argv):
    cmd, args = argv[1], argv[2:]
    try:
        if cmd == 'check':
            for path in args:
                parse(path)
        elif cmd == 'names':
            names = set()
            for path in args:
                names.update(parse(path))
            print('\n'.join(sorted(names)))
        elif cmd == 'get':
            fam = parse(args[0]).get(args[1])
            want = dict(a.split('=', 1) for a in args[2:])
            total = sum(v for labels, v in (fam['samples'] if fam else [])
                        if all(labels.get(k) == x for k, x in want.items()))
            print('%d' % total if total == int(total) else total)
        elif cmd == 'doc-names':
            names = set(re.findall(r'^\| `(vplane_[a-z0-9_]+)`',
                                   open(args[0]).read(), re.M))
            print('\n'.join(sorted(names)))
        else:
            sys.exit(__doc__)
    except (Error, OSError) as e:
        sys.stderr.write('prom-check: %s\n' % e)
        sys.exit(1)


if __name__ == '__main__':
    main(sys.argv)
