import { describe, expect, it } from 'vitest';
import { detectLanguage } from './index.js';

describe('detectLanguage', () => {
  it.each([
    ['Russian President Vladimir Putin met his Italian counterpart in Moscow on Tuesday, the Kremlin said.', 'en'],
    ['Qtly div 25 cts vs 25 cts prior\n    Pay April 30\n    Record April 16\n Reuter', 'en'],
    ['Shr one dlr vs 73 cts\n    Net 12.6 mln vs 15.8 mln\n    Revs 337.3 mln vs 315.2 mln', 'en'],
    ['Le président russe Vladimir Poutine a rencontré son homologue italien au Kremlin mardi, lors d’une visite officielle.', 'fr'],
    ['Der russische Präsident Wladimir Putin hat am Dienstag im Kreml seinen italienischen Amtskollegen empfangen.', 'de'],
    ['El presidente ruso Vladímir Putin se reunió el martes con su homólogo italiano en el Kremlin de Moscú.', 'es'],
    ['Президент России Владимир Путин встретился во вторник в Кремле со своим итальянским коллегой.', 'ru'],
    ['التقى الرئيس الروسي فلاديمير بوتين نظيره الإيطالي في الكرملين يوم الثلاثاء في موسكو.', 'ar'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
