import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createActorsStage } from '../actors/index.js';
import { createDoc } from '../analyze.js';
import { main } from '../cli/index.js';
import { tokensStage } from '../nlp/index.js';
import { evalDataPath } from '../paths.js';
import { ActorKb } from './index.js';
import { importPetrarchActors, importPetrarchAgents } from './petrarch.js';

const dir = evalDataPath('petrarch2');
const has = existsSync(join(dir, 'Phoenix.Countries.actors.txt'));

describe.skipIf(!has)('the Phoenix/PETRARCH dictionaries', () => {
  it('import with few skipped lines and run the actors stage with that KB', () => {
    const warnings: string[] = [];
    const file = join(dir, 'Phoenix.Countries.actors.txt');
    const actors = importPetrarchActors(readFileSync(file, 'utf8'), 'Phoenix.Countries.actors.txt', { warnings });
    expect(actors.length).toBeGreaterThan(15_000);
    expect(warnings.length).toBeLessThan(20);
    const kb = new ActorKb(actors.map((a) => ({ ...a })));
    const doc = createDoc({ text: 'Mikhail Gorbachev met officials in Kabul.', date: '1989-01-01' });
    tokensStage.run(doc, { options: {}, analysis: {} });
    createActorsStage({ kb }).run(doc, { options: {}, analysis: {} });
    const gorby = doc.get('entities').find((e) => e.name === 'Mikhail Gorbachev');
    expect(gorby?.kb?.cameo).toBe('RUSELI');
    expect(gorby?.mentions.map((m) => m.text)).toEqual(['Mikhail Gorbachev']);
  });

  it('agents import', () => {
    const agents = importPetrarchAgents(readFileSync(join(dir, 'Phoenix.agents.txt'), 'utf8'), 'Phoenix.agents.txt');
    expect(agents.find((a) => a.phrase === 'farmer')?.code).toBe('AGR');
  });

  it('newsgraph dictionaries import petrarch writes YAML', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ng-dict-')), 'agents.yaml');
    const code = await main(['node', 'newsgraph', 'dictionaries', 'import', 'petrarch', join(dir, 'PETR.Validate.agents.txt'), '--out', out]);
    expect(code).toBe(0);
    const records = parse(readFileSync(out, 'utf8')) as Array<{ phrase: string; code: string }>;
    expect(records.find((r) => r.phrase === 'foreign minister')?.code).toBe('GOVFRM');
  });
});
