import { describe, expect, it } from 'vitest';
import { Doc } from '../document/doc.js';
import { NewsgraphError } from '../errors.js';
import { createPipeline } from './runner.js';
import { STAGES } from './registry.js';

describe('createPipeline', () => {
  it('builds the default pipeline from data/pipeline.yaml', () => {
    const p = createPipeline();
    expect(p.stages.map((s) => s.name).slice(0, 3)).toEqual(['language', 'structure', 'tokens']);
  });

  it('refuses an unknown stage, naming it', () => {
    expect(() => createPipeline([{ stage: 'nope' }])).toThrowError(/^nope: unknown stage/);
  });

  it('refuses a stage whose required layer no earlier stage assigns', () => {
    STAGES['needs-tokens'] = () => ({ name: 'needs-tokens', requires: ['tokens'], assigns: [], run() {} });
    try {
      expect(() => createPipeline([{ stage: 'needs-tokens' }])).toThrow(NewsgraphError);
      expect(() => createPipeline([{ stage: 'needs-tokens' }])).toThrowError(
        "needs-tokens: requires layer 'tokens', which no earlier stage assigns",
      );
      expect(() => createPipeline([{ stage: 'tokens' }, { stage: 'needs-tokens' }])).not.toThrow();
    } finally {
      delete STAGES['needs-tokens'];
    }
  });

  it('skips language-dependent stages for unsupported languages and says so', () => {
    const p = createPipeline([{ stage: 'language' }, { stage: 'tokens' }]);
    const doc = new Doc({
      text: 'Le président russe Vladimir Poutine a rencontré son homologue italien Sergio Mattarella au Kremlin mardi, lors d’une visite officielle.',
    });
    p.run(doc);
    expect(doc.info.language).toBe('fr');
    expect(doc.get('tokens')).toEqual([]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['NG_LANGUAGE_UNSUPPORTED']);
  });
});
