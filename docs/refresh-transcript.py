#!/usr/bin/env python3
"""Refreshes the output quoted in docs/troubleshooting.md from a transcript.

    TROUBLESHOOTING_TRANSCRIPT=/tmp/t.txt make check \\
        TESTS=tests/system/troubleshooting.sh
    docs/refresh-transcript.py /tmp/t.txt docs/troubleshooting.md

The test appends each command it runs ("HOST$ COMMAND") and its output,
under "=== case N" headings.  In the page, a code block preceded by

    <!-- transcript: 2.3; 2.4 head=5 -->

is rewritten with the 3rd and 4th commands of case 2 and their output
(head=N: the first N lines, then "..."; grep=TEXT [keep=N]: the first N
lines, "...", then the lines holding TEXT; from=TEXT: "...", then the
output from the line starting with TEXT; cmdcut=N: the command cut after N
characters).  The prose around the blocks is the page's own; a command that
is no longer the one the page quoted is reported, so that the prose is read
again."""
import re
import sys


def read_transcript(path):
    cmds = {}
    case = k = 0
    cur = None
    for line in open(path).read().split('\n'):
        if line.startswith('=== case'):
            case += 1
            k = 0
            cur = None
            continue
        if re.match(r'^[a-z]+[0-9]*\$ ', line):
            k += 1
            cur = [line, []]
            cmds['%d.%d' % (case, k)] = cur
        elif cur is not None:
            cur[1].append(line)
    for _, out in cmds.values():
        while out and out[-1] == '':
            out.pop()
    return cmds


def render(cmds, key, opts):
    if key not in cmds:
        sys.exit('refresh-transcript: the transcript has no command %s' % key)
    cmd, out = cmds[key]
    if 'cmdcut' in opts:
        n = int(opts['cmdcut'])
        cmd = cmd[:n] + '...' + cmd[-4:]
    res = [cmd]
    if 'head' in opts:
        n = int(opts['head'])
        res += out[:n] + (['...'] if len(out) > n else [])
    elif 'grep' in opts:
        keep = int(opts.get('keep', 0))
        res += out[:keep] + ['...']
        res += [l for l in out[keep:] if opts['grep'] in l]
    elif 'from' in opts:
        i = next((i for i, l in enumerate(out)
                  if l.startswith(opts['from'])), None)
        if i is None:
            sys.exit('refresh-transcript: %s has no line starting with %r'
                     % (key, opts['from']))
        res += ['...'] + out[i:]
    else:
        res += out
    return res


def command_lines(block):
    return [l for l in block if re.match(r'^[a-z]+[0-9]*\$ ', l)]


def main():
    transcript, page = sys.argv[1:3]
    cmds = read_transcript(transcript)
    lines = open(page).read().split('\n')
    out = []
    changed = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        m = re.match(r'^<!-- transcript: (.*) -->$', line)
        if not m:
            continue
        if i >= len(lines) or lines[i] != '```':
            sys.exit('refresh-transcript: line %d: no code block after the '
                     'marker' % i)
        j = lines.index('```', i + 1)
        old = lines[i + 1:j]
        new = []
        for item in m.group(1).split(';'):
            key, _, rest = item.strip().partition(' ')
            opts = {a: b.strip('"')
                    for a, b in re.findall(r'(\w+)=("[^"]*"|\S+)', rest)}
            new += render(cmds, key, opts)
        if command_lines(old) != command_lines(new):
            changed += 1
            print('refresh-transcript: line %d: the commands changed:\n  %s'
                  '\n  now:\n  %s' % (i, '\n  '.join(command_lines(old)),
                                      '\n  '.join(command_lines(new))),
                  file=sys.stderr)
        out += ['```'] + new + ['```']
        i = j + 1
    open(page, 'w').write('\n'.join(out))
    if changed:
        print('refresh-transcript: %d blocks quote other commands now: read '
              'their prose again' % changed, file=sys.stderr)


if __name__ == '__main__':
    main()
