import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { fullDate } from '../src/structure/rules.js';
const sgml = readFileSync('/work/shared/eval-data/reuters21578/reut2-000.sgm','latin1');
const texts = [...sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)].map(m=>m[1]!.slice(0,1500));
for (const t of texts.slice(0,20)) fullDate(t);
let t0=performance.now(); let n=0; for (const t of texts) if (fullDate(t)) n++; console.log('chrono', performance.now()-t0, n, texts.length);
const names = (chrono.strict as any).parsers.map((p:any)=>p.constructor.name); console.log(names);
const ps = (chrono.strict as any).parsers;
for (const p of ps) { const re = p.pattern({option:{}}); const t1=performance.now(); let c=0; for (const t of texts) if (new RegExp(re.source, re.flags.replace(/[gy]/g,'')).test(t)) c++; console.log(p.constructor.name, c, (performance.now()-t1).toFixed(1)); }
