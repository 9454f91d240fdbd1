// The layer rules (.dependency-cruiser.cjs) really fire: the project's own rules,
// run over test/fixtures/layers — a small tree laid out like the project, where
// each rule is broken on purpose — report exactly the planted violations. (That the
// real tree keeps to them is `npm run lint`.)
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = resolve(ROOT, 'test/fixtures/layers');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(): Violation[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        resolve(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        'cloudfunctions',
        'emulator',
        'scripts',
        'typings',
        'miniprogram',
        '--config',
        CONFIG,
        '--output-type',
        'json',
      ],
      { cwd: FIXTURE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (err) {
    // It exits non-zero when it finds violations, which is the point here.
    out = (err as { stdout?: string }).stdout ?? '';
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const found = cruise();
const lines = found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

it.each([
  [
    'a handler file importing another handler file',
    'handler-files-are-leaves: cloudfunctions/campaign/handlers/a.ts → cloudfunctions/campaign/handlers/b.ts',
  ],
  [
    'a store importing a handler',
    'only-the-handler-map-imports-handlers: cloudfunctions/campaign/store/reaches-up.ts → cloudfunctions/campaign/handlers/a.ts',
  ],
  [
    'a store reaching up into handlers',
    'stores-serve-handlers: cloudfunctions/campaign/store/reaches-up.ts → cloudfunctions/campaign/handlers/a.ts',
  ],
  [
    'a handler using the database directly',
    'only-stores-touch-the-database: cloudfunctions/campaign/handlers/touches-db.ts → cloudfunctions/_shared/db.ts',
  ],
  [
    'domain rules using the database',
    'domain-rules-are-pure: cloudfunctions/campaign/rules/pure.ts → cloudfunctions/_shared/db.ts',
  ],
  ['the emulator importing the project', 'emulator-stands-alone: emulator/core.ts → scripts/seed.ts'],
  [
    'a cloud function importing the emulator',
    'functions-stay-deployable: cloudfunctions/user/index.ts → emulator/core.ts',
  ],
  ['the deploy importing the emulator', 'deploy-does-not-need-the-emulator: scripts/deploy/plan.ts → emulator/core.ts'],
  ['typings importing code', 'typings-are-contracts: typings/contract.ts → cloudfunctions/_shared/db.ts'],
  ['an import cycle', 'no-circular: cloudfunctions/_shared/cycle-a.ts → cloudfunctions/_shared/cycle-b.ts'],
  [
    'the main package importing a subpackage',
    'client-main-package-stays-out-of-subpackages: miniprogram/pages/home/index.ts → miniprogram/packages/study/x.ts',
  ],
  [
    'a subpackage importing another',
    'client-subpackages-are-separate: miniprogram/packages/study/x.ts → miniprogram/packages/campaign/y.ts',
  ],
  [
    'a page calling the transport',
    'client-pages-call-services: miniprogram/packages/campaign/pages/p/index.ts → miniprogram/services/transport.ts',
  ],
  [
    'the client importing a value from outside',
    'client-imports-only-types-from-outside: miniprogram/packages/campaign/pages/p/index.ts → cloudfunctions/_shared/collections.ts',
  ],
])('reports %s', (_what, line) => {
  expect(lines).toContain(line);
});

it('reports a cycle of type-only imports as no cycle', () => {
  expect(lines.filter((l) => l.includes('types-a') || l.includes('types-b'))).toEqual([]);
});

it('allows what keeps to the layers (handler map → handlers → store → db; service → transport; type imports)', () => {
  const allowed = [
    'cloudfunctions/campaign/handlers.ts →',
    'cloudfunctions/campaign/handlers/a.ts → cloudfunctions/campaign/store/things.ts',
    'cloudfunctions/campaign/store/things.ts →',
    'miniprogram/services/feature.ts →',
    '→ typings/contract.ts',
  ];
  for (const ok of allowed) expect(lines.filter((l) => l.includes(ok))).toEqual([]);
});

it('has a planted violation for every rule, so a new rule cannot go untested', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { forbidden } = require(CONFIG) as { forbidden: { name: string }[] };
  const fired = new Set(found.map((v) => v.rule.name));
  expect(forbidden.map((r) => r.name).filter((n) => !fired.has(n))).toEqual([]);
});
