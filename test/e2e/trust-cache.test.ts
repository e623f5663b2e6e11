/**
 * No cache lies. A property test damages wep's cache files at random (truncated, bytes
 * flipped, emptied, JSON of the wrong shape, a whole entry of the wrong shape, the V8 code
 * cache included) and checks that every command that reads the caches prints exactly what it
 * prints with WEP_NO_CACHE=1, with the same exit code, then and on the run after (the entry
 * rewritten). Then: results depend on the contents of what they read, not names or times.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum } from '../../src/core/hash.js';
import { read, tempRepos, wep, write, type RunResult } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const caches: string[] = [];
afterAll(() => caches.forEach((c) => rmSync(c, { recursive: true, force: true })));
const newCache = () => {
  const c = mkdtempSync(join(tmpdir(), 'wep-trust-cache-'));
  caches.push(c);
  return c;
};

const MINUTES = 'meetings/2026-12-10-partnership/minutes.md';
const draftMinutes = (owner: string) => `# Minutes\n\n## 5. Place planning\n\nACTION: Circulate the plan — owner: ${owner}, due: 2027-01-15\n`;

/** Every command that reads a cache: the hot four, and those that read every meeting. */
const COMMANDS: string[][] = [
  ['check'],
  ['members'],
  ['deadlines', '2026-12-10'],
  ['quorum', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,px-evans,sf-iqbal,sf-jones'],
  ['status'],
  ['meetings'],
  ['actions'],
];

/** What entries of each kind hold, at their smallest (and two that no kind holds). */
const OTHER_KINDS = [
  '{}',
  '[]',
  '[{"severity":"error"}]',
  '{"diagnostics":[],"file":{"partnership":{}}}',
  '{"meeting":{"date":1},"warnings":[]}',
  '{"writtenAt":1,"entries":{"x":{}}}',
  '{"diagnostics":[],"sources":{},"depends":[["content","/nowhere",""]]}',
  '{"diagnostics":[]}',
];

type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number[] } | { kind: 'empty' } | { kind: 'json'; text: string } | { kind: 'entry'; payload: string };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }) }),
  fc.constant({ kind: 'empty' as const }),
  fc.record({ kind: fc.constant('json' as const), text: fc.constantFrom('{}', '[]', 'null', '"x"', '{"diagnostics":[]}', '{"meeting":{},"warnings":[]}', '0') }),
  // a whole entry, key and checksum right, holding what another kind of entry holds
  fc.record({ kind: fc.constant('entry' as const), payload: fc.constantFrom(...OTHER_KINDS) }),
);

function apply(path: string, d: Damage): void {
  const bytes = readFileSync(path);
  switch (d.kind) {
    case 'truncate':
      writeFileSync(path, bytes.subarray(0, Math.floor(d.at * bytes.length)));
      break;
    case 'flip':
      for (const at of d.at) {
        const i = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
        bytes[i] = bytes[i]! ^ (1 << (i % 8));
      }
      writeFileSync(path, bytes);
      break;
    case 'empty':
      writeFileSync(path, '');
      break;
    case 'json':
      writeFileSync(path, d.text);
      break;
    case 'entry': {
      const key = path.split('/').pop()!.replace(/\.(json|bin)$/, '');
      writeFileSync(path, `wep-cache 1 ${key} ${checksum(d.payload)}\n${d.payload}`);
      break;
    }
  }
}

const same = (r: RunResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('a damaged cache never changes what wep says', () => {
  let dir: string;
  const baseline = new Map<string, RunResult>();
  let tried = 0;
  beforeAll(() => {
    dir = repo();
    write(dir, MINUTES, draftMinutes('la-nobody'));
    for (const args of COMMANDS) baseline.set(args.join(' '), wep(args, { cwd: dir, env: { WEP_NO_CACHE: '1' } }));
  });
  afterAll(() => console.log(`trust-cache: ${tried} damaged cache files tried`));

  it('the uncached answers are real answers (no internal error)', () => {
    for (const [name, r] of baseline) {
      expect(r.code, name).not.toBe(70);
      expect(r.stderr, name).not.toMatch(/internal error/);
    }
    expect(baseline.get('check')!.stderr).toMatch(/la-nobody/);
  });

  it('whatever is damaged, every command prints what it prints without a cache, and mends it', () => {
    const cache = newCache();
    const env = { WEP_CACHE_DIR: cache };
    for (const args of COMMANDS) wep(args, { cwd: dir, env });
    fc.assert(
      fc.property(fc.nat(COMMANDS.length - 1), fc.nat(), damage, (c, pick, d) => {
        const args = COMMANDS[c]!;
        const files = readdirSync(cache)
          .filter((n) => n.endsWith('.json') || n.endsWith('.bin'))
          .sort();
        const file = join(cache, files[pick % files.length]!);
        if (statSync(file).size === 0 && d.kind !== 'json' && d.kind !== 'entry') return;
        apply(file, d);
        tried++;
        const want = same(baseline.get(args.join(' '))!);
        expect(same(wep(args, { cwd: dir, env })), `${args.join(' ')} after ${d.kind} of ${file}`).toEqual(want);
        expect(same(wep(args, { cwd: dir, env })), `${args.join(' ')} on the run after`).toEqual(want);
      }),
      { numRuns: 30 },
    );
  });

  it('an entry of another kind in the place of each entry (key and checksum right) is not read: wep check says what it says without a cache', () => {
    // Found by the property above: the partnership file's entry holding check's own (no
    // diagnostics, no file) was read as a file with no problems, and check said nothing, exit 0.
    const cache = newCache();
    const env = { WEP_CACHE_DIR: cache };
    for (const args of COMMANDS) wep(args, { cwd: dir, env });
    const want = same(baseline.get('check')!);
    const files = readdirSync(cache).filter((n) => n.endsWith('.json'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const path = join(cache, name);
      const kept = readFileSync(path);
      for (const payload of OTHER_KINDS) {
        apply(path, { kind: 'entry', payload });
        expect(same(wep(['check'], { cwd: dir, env })), `${payload} in ${kept.subarray(0, 80).toString()}`).toEqual(want);
        writeFileSync(path, kept);
      }
    }
  });

  it('a damaged code cache of each hot command is recompiled, not run', () => {
    const cache = newCache();
    const env = { WEP_CACHE_DIR: cache };
    for (const args of COMMANDS.slice(0, 4)) {
      wep(args, { cwd: dir, env });
      const code = readdirSync(cache).find((n) => n.startsWith('code-') && n.endsWith(`-${args[0]}.bin`))!;
      const bytes = readFileSync(join(cache, code));
      for (let i = 200; i < bytes.length; i += 997) bytes[i] = bytes[i]! ^ 0xff;
      writeFileSync(join(cache, code), bytes);
      tried++;
      expect(same(wep(args, { cwd: dir, env }))).toEqual(same(baseline.get(args.join(' '))!));
    }
  });
});

describe('cached results follow the contents of what they read', () => {
  it('wep check sees a changed minutes.md, even of the same size', () => {
    const dir = repo();
    const env = { WEP_CACHE_DIR: newCache() };
    write(dir, MINUTES, draftMinutes('la-nobody'));
    expect(wep(['check'], { cwd: dir, env }).stderr).toMatch(/owned by "la-nobody"/);
    write(dir, MINUTES, draftMinutes('la-nobodz'));
    const r = wep(['check'], { cwd: dir, env });
    expect(r.stderr).toMatch(/owned by "la-nobodz"/);
    expect(r.stderr).not.toMatch(/la-nobody"/);
    unlinkSync(join(dir, MINUTES));
    expect(wep(['check'], { cwd: dir, env }).stderr).not.toMatch(/la-nobod/);
  });

  it('wep check sees a paper replaced by a link to nothing', () => {
    const dir = repo();
    const env = { WEP_CACHE_DIR: newCache() };
    expect(wep(['check'], { cwd: dir, env }).stderr).not.toMatch(/send-priorities/);
    const paper = join(dir, 'meetings/2026-12-10-partnership/papers/send-priorities.md');
    unlinkSync(paper);
    symlinkSync(join(dir, 'no-such-file.md'), paper);
    const r = wep(['check'], { cwd: dir, env });
    expect(r.stderr).toMatch(/send-priorities\.md/);
    expect(r).toEqual(wep(['check'], { cwd: dir, env: { WEP_NO_CACHE: '1' } }));
  });

  it('wep actions and status see a meeting.yaml edited to the same size with its old modification time put back', () => {
    const dir = repo();
    const env = { WEP_CACHE_DIR: newCache() };
    const path = join(dir, 'meetings/2026-10-08-partnership/meeting.yaml');
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(path, old, old);
    const before = wep(['actions'], { cwd: dir, env }).stdout;
    const text = read(dir, 'meetings/2026-10-08-partnership/meeting.yaml');
    const action = /text: "?([A-Z][a-z]+)/.exec(text.slice(text.indexOf('actions:')))![1]!;
    const edited = text.replace(action, action.split('').reverse().join(''));
    expect(edited.length).toBe(text.length);
    writeFileSync(path, edited);
    utimesSync(path, old, old);
    const after = wep(['actions'], { cwd: dir, env });
    expect(after.stdout).not.toBe(before);
    expect(after).toEqual(wep(['actions'], { cwd: dir, env: { WEP_NO_CACHE: '1' } }));
  });

  it('WEP_NO_CACHE=1 writes no cache; WEP_NO_CACHE=0 or empty leaves the cache on', () => {
    const dir = repo();
    for (const [value, writes] of [['1', false], ['0', true], ['', true]] as const) {
      const cache = newCache();
      wep(['members'], { cwd: dir, env: { WEP_CACHE_DIR: cache, WEP_NO_CACHE: value } });
      expect(readdirSync(cache).length > 0, `WEP_NO_CACHE=${value}`).toBe(writes);
    }
  });
});

describe('wep status keeps which decisions await confirmation only as long as its inputs are the same', () => {
  it('follows the quorum rule in partnership.yaml and the attendance in meeting.yaml', () => {
    const dir = repo();
    const env = { WEP_CACHE_DIR: newCache() };
    const status = () => {
      const cached = wep(['status'], { cwd: dir, env });
      expect(cached).toEqual(wep(['status'], { cwd: dir, env: { WEP_NO_CACHE: '1' } }));
      return cached.stdout;
    };
    const clean = status();
    expect(clean).not.toMatch(/awaiting confirmation/i);
    expect(status()).toBe(clean); // from the cache
    const partnership = read(dir, 'partnership.yaml');
    write(dir, 'partnership.yaml', partnership.replace(/min: 2\b/, 'min: 3'));
    expect(status()).toMatch(/Decision 2026-10-08-partnership\/d2 .* awaits confirmation/);
    write(dir, 'partnership.yaml', partnership);
    expect(status()).toBe(clean);
    const meeting = 'meetings/2026-10-08-partnership/meeting.yaml';
    const text = read(dir, meeting);
    write(dir, meeting, text.replace('present: [chair-okafor, ph-ahmed, ph-brown, ph-chen,', 'present: [chair-okafor,'));
    expect(status()).toMatch(/Decision 2026-10-08-partnership\/d1 .* awaits confirmation/);
  });
});

/** Past the two seconds within which a file just written is not trusted to its stamp. */
const settle = () => new Promise((done) => setTimeout(done, 2100));

/** The cache entries whose payload passes `is`. */
const entriesWhere = (cache: string, is: (payload: Record<string, unknown>) => boolean) =>
  readdirSync(cache)
    .filter((n) => n.endsWith('.json'))
    .map((n) => join(cache, n))
    .filter((p) => {
      const text = readFileSync(p, 'utf8');
      const v: unknown = JSON.parse(text.slice(text.indexOf('\n') + 1));
      return typeof v === 'object' && v !== null && is(v as Record<string, unknown>);
    });

/** Rewrites an entry to hold `edit` of its payload, with a right key and checksum: a forgery wep cannot tell. */
function forge(entry: string, edit: (payload: string) => string): void {
  const text = readFileSync(entry, 'utf8');
  const key = entry.split('/').pop()!.replace(/\.json$/, '');
  const payload = edit(text.slice(text.indexOf('\n') + 1));
  writeFileSync(entry, `wep-cache 1 ${key} ${checksum(payload)}\n${payload}`);
}

describe('wep status keeps its view of every meeting only while no meeting file changes', () => {
  const viewEntries = (cache: string) => entriesWhere(cache, (v) => Object.keys(v).join() === 'meetings,actions,decisions');

  it('is read when nothing changed, on any day, and set aside when a meeting file or the partnership file is written', async () => {
    const dir = repo();
    const cache = newCache();
    const status = (today = '2026-11-22') => {
      const cached = wep(['status'], { cwd: dir, env: { WEP_CACHE_DIR: cache, WEP_TODAY: today } });
      expect(cached).toEqual(wep(['status'], { cwd: dir, env: { WEP_NO_CACHE: '1', WEP_TODAY: today } }));
      return cached.stdout;
    };
    await settle();
    const first = status();
    expect(first).toMatch(/1 open action/);
    const [entry] = viewEntries(cache);
    expect(entry).toBeDefined();
    // Kept whatever the day: on a later day the open action is overdue, worked out afresh.
    expect(status('2026-12-05')).toMatch(/Overdue[\s\S]*Propose an election process/);
    expect(viewEntries(cache)).toEqual([entry]);

    // The kept view is what status reads: one forged with a right checksum and no actions shows none.
    forge(entry!, (payload) => JSON.stringify({ ...JSON.parse(payload), actions: [] }));
    expect(wep(['status'], { cwd: dir, env: { WEP_CACHE_DIR: cache, WEP_TODAY: '2026-11-22' } }).stdout).not.toMatch(/open action/);

    // Any write of a meeting's files sets it aside, even one that puts the old times back.
    const meeting = join(dir, 'meetings/2026-10-08-partnership/meeting.yaml');
    const { atime, mtime } = statSync(meeting);
    writeFileSync(meeting, readFileSync(meeting));
    utimesSync(meeting, atime, mtime);
    await settle();
    expect(status()).toBe(first);

    write(dir, MINUTES, draftMinutes('la-morgan'));
    await settle();
    expect(status()).toMatch(/2 open actions/);

    const partnership = read(dir, 'partnership.yaml');
    write(dir, 'partnership.yaml', partnership.replace(/min: 2\b/, 'min: 3'));
    expect(status()).toMatch(/awaits confirmation/);
  });
});

describe('the snapshot of the registers keeps minutes.md as parsed only while the file is as it was', () => {
  const snapshots = (cache: string) =>
    entriesWhere(cache, (v) => typeof v.entries === 'object' && v.entries !== null && Object.values(v.entries).some((e: { minutes?: unknown }) => e.minutes !== undefined));

  it('is read when minutes.md is unchanged, and set aside when it is written, even to the same size with its old time put back', async () => {
    const dir = repo();
    const cache = newCache();
    const env = { WEP_CACHE_DIR: cache, WEP_TODAY: '2026-11-22' };
    write(dir, MINUTES, draftMinutes('la-morgan'));
    await settle();
    const actions = () => {
      const cached = wep(['actions'], { cwd: dir, env });
      expect(cached).toEqual(wep(['actions'], { cwd: dir, env: { ...env, WEP_NO_CACHE: '1' } }));
      return cached.stdout;
    };
    expect(actions()).toMatch(/Circulate the plan/);
    const [snapshot] = snapshots(cache);
    expect(snapshot).toBeDefined();

    // What is kept is what wep actions reads: a snapshot forged with a right checksum shows through.
    forge(snapshot!, (payload) => payload.replace('Circulate the plan', 'Circulate the PLAN'));
    expect(wep(['actions'], { cwd: dir, env }).stdout).toMatch(/Circulate the PLAN/);

    // The same size, the old modification time: still seen.
    const path = join(dir, MINUTES);
    const { atime, mtime } = statSync(path);
    writeFileSync(path, draftMinutes('la-morgan').replace('Circulate the plan', 'Circulate the plot'));
    utimesSync(path, atime, mtime);
    expect(actions()).toMatch(/Circulate the plot/);
  });
});
