import { describe, expect, it } from 'vitest';
import { createDoc } from '../analyze.js';
import { loadKb } from '../kb/index.js';
import { tokensStage } from '../nlp/index.js';
import { findActors } from './index.js';

const kb = loadKb();

/** Mentions of a text as "mention text = kb id (type)". */
function linked(text: string): string[] {
  const doc = createDoc({ text, date: '2022-02-24' });
  tokensStage.run(doc, { options: {}, analysis: {} });
  const { entities } = findActors(doc, kb);
  return entities.flatMap((e) => e.mentions.map((m) => `${m.text} = ${e.kb?.id ?? e.name} (${e.type})`));
}

describe('country cue + institution noun -> the KB institution of that country and kind', () => {
  it.each([
    ['Russian forces crossed the border.', ['Russian forces = RU-mil (ORG)']],
    ['Russian troops crossed the border.', ['Russian troops = RU-mil (ORG)']],
    ['Ukrainian officials said the talks failed.', ['Ukrainian officials = UA-gov (ORG)']],
    ['U.S. defense officials told reporters.', ['U.S. = US (GPE)', 'defense officials = US-mod (ORG)']],
    ['Iranian lawmakers approved the bill.', ['Iranian lawmakers = IR-leg (ORG)']],
    ["Pakistan's military said it killed 33 militants.", ['Pakistan = PK (GPE)', 'military = PK-mil (ORG)']],
    // a following name ends no institution; a place that is no country is no cue
    ['The Russian President said nothing.', ['Russian President = vladimir-putin (PERSON)']],
  ])('%s', (text, expected) => {
    expect(linked(text)).toEqual(expected);
  });
});

describe('lower-case collective actors', () => {
  it.each([
    ['Iran and world powers resumed talks.', ['Iran = IR (GPE)', 'world powers = world powers (ORG)']],
    ['He warned other countries.', ['other countries = other countries (ORG)']],
  ])('%s', (text, expected) => {
    expect(linked(text)).toEqual(expected);
  });
});
