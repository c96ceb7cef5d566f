/**
 * The GDELT 2.0 Events table: 61 tab-separated columns, no header, in GDELT's order
 * (GDELT Event Codebook V2.0). The mapping from newsgraph's store is documented column by
 * column in docs/store.md; columns newsgraph has no value for are left empty, never guessed.
 */

/** The 61 columns of a GDELT 2.0 event record, in file order. */
export const GDELT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'), ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo'), ...geoColumns('Actor2Geo'), ...geoColumns('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => `${p}${c}`);
}

function geoColumns(p: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${p}_${c}`);
}

/** A CAMEO actor code split into GDELT's country (3 letters) and up to three role types (3 letters each). */
export function splitCameo(code: string | null | undefined): { country: string; types: string[] } {
  if (!code || !/^[A-Z]{3,}$/.test(code)) return { country: '', types: [] };
  const chunks = code.match(/.{1,3}/g) ?? [];
  // CAMEO codes start with a country (RUS, SYR) or an international/role code; role-only codes (GOV, MIL, REB) have no country.
  const roleFirst = ROLE_CODES.has(chunks[0]!);
  return { country: roleFirst ? '' : chunks[0]!, types: (roleFirst ? chunks : chunks.slice(1)).filter((c) => ROLE_CODES.has(c)).slice(0, 3) };
}

// CAMEO actor role codes (the "type" codes of the GDELT codebook).
const ROLE_CODES = new Set([
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY', 'UAF', 'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI',
  'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'REF', 'MOD', 'RAD', 'AMN', 'IRC', 'GRP', 'UNO', 'PKO', 'UIS', 'IGO', 'IMG', 'INT', 'NGM', 'NGO', 'SET',
]);

/** GDELT's geographic resolution type from a GeoNames feature code and country. */
function geoType(featureCode: string | null, country: string | null): string {
  if (!featureCode) return '';
  if (/^PCL/.test(featureCode)) return '1';
  const us = country === 'US';
  if (featureCode === 'ADM1') return us ? '2' : '5';
  if (/^PPL/.test(featureCode)) return us ? '3' : '4';
  return '';
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

/**
 * One GDELT 2.0 event line (61 tab-separated fields, no trailing newline) from an `events` row of
 * `Store.rows('events')`.
 *
 * @example
 *   gdeltLine(row).split('\t').length; // 61
 */
export function gdeltLine(r: Record<string, any>): string {
  const date: string = r.date_from ?? r.article_date ?? '';
  const [y, m, d] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  const day = /^\d{4}-\d{2}-\d{2}/.test(date) ? `${y}${m}${d}` : '';
  const fraction = day ? (Number(y) + (Number(m) * 30 + Number(d)) / 365).toFixed(4) : '';
  const a1 = splitCameo(r.source_cameo);
  const a2 = splitCameo(r.target_cameo);
  const actor = (present: boolean, cameo: string | null, name: string | null, split: { country: string; types: string[] }) =>
    present ? [cameo ?? '', (name ?? '').toUpperCase(), split.country, '', '', '', '', split.types[0] ?? '', split.types[1] ?? '', split.types[2] ?? ''] : Array(10).fill('');
  const hasPlace = r.place_name !== null && r.place_name !== undefined;
  const action = hasPlace
    ? [geoType(r.place_feature, r.country), r.place_name, '', '', '', r.lat ?? '', r.lon ?? '', r.place_geoname ?? '']
    : Array(8).fill('');
  const added = (r.run_started ?? '').replace(/[-:T]/g, '').slice(0, 14);
  const fields = [
    r.id, day, day.slice(0, 6), day.slice(0, 4), fraction,
    ...actor(r.source !== null, r.source_cameo, r.source_name, a1),
    ...actor(r.target !== null, r.target_cameo, r.target_name, a2),
    r.sentence === 0 ? 1 : 0, r.code, String(r.code).slice(0, 3), r.root, r.quad_class, r.goldstein,
    r.incident_events ?? 1, r.incident_sources ?? 1, r.incident_articles ?? 1, r.tone ?? '',
    ...Array(8).fill(''), ...Array(8).fill(''), ...action,
    added, r.article_url ?? r.article_source ?? '',
  ];
  return fields.map(cell).join('\t');
}
