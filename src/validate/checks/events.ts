import { cameoCodes, ploverFor, ploverOntology, quadClasses } from '../../events/tables.js';
import { readNounRows, readVerbRows } from '../../events/patterns.js';
import { loadCues } from '../../events/factuality.js';
import { dataPath } from '../../paths.js';
import { readTsv } from '../../events/tables.js';
import type { DataValidator } from '../validator.js';

/** CAMEO codebook, QuadClass, PLOVER map and trigger patterns are consistent. */
const events: DataValidator = {
  name: 'events',
  validate() {
    const problems: string[] = [];
    const codes = cameoCodes();
    const quads = quadClasses();
    for (let r = 1; r <= 20; r++) if (!codes.has(String(r).padStart(2, '0'))) problems.push(`data/cameo/codes.tsv: root ${r} missing`);
    for (const c of codes.values()) {
      if (!/^\d{2,4}$/.test(c.code)) problems.push(`${c.entry}: bad code '${c.code}'`);
      if (!quads.has(c.root) || !codes.has(c.root)) problems.push(`${c.entry}: code ${c.code} has no root`);
      if (c.code.length === 4 && !codes.has(c.code.slice(0, 3))) problems.push(`${c.entry}: code ${c.code} has no 3-digit parent`);
      if (!Number.isFinite(c.goldstein) || c.goldstein < -10 || c.goldstein > 10) problems.push(`${c.entry}: Goldstein ${c.goldstein} outside [-10, 10]`);
      if (!ploverFor(c.code)) problems.push(`${c.entry}: no PLOVER type for ${c.code}`);
    }
    const onto = ploverOntology();
    if (Object.keys(onto.types).length !== 16) problems.push('data/plover/types.yaml: PLOVER has 16 types');
    for (const r of readTsv(dataPath('plover', 'map.tsv'))) {
      const [code, type, mode, context] = r.cells;
      const where = `data/plover/map.tsv:${r.line}`;
      if (!codes.has(code!)) problems.push(`${where}: unknown CAMEO code ${code}`);
      const t = onto.types[type!];
      if (!t) problems.push(`${where}: unknown PLOVER type ${type}`);
      else if (mode && !t.modes.includes(mode)) problems.push(`${where}: mode '${mode}' is not a mode of ${type}`);
      for (const c of context ? context.split(',') : []) if (!onto.contexts.includes(c)) problems.push(`${where}: unknown context '${c}'`);
    }
    for (const p of [...readVerbRows(), ...readNounRows()]) {
      if (p.flags.has('light')) continue;
      if (!codes.has(p.code)) problems.push(`${p.entry}: unknown CAMEO code ${p.code}`);
      if (!p.target.obj && !p.target.preps.length && !p.target.governor) problems.push(`${p.entry}: no target specification`);
    }
    try {
      loadCues();
    } catch (err) {
      problems.push(`data/factuality/cues.yaml: ${(err as Error).message}`);
    }
    return problems;
  },
};
export default events;
