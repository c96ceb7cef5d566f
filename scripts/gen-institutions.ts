/**
 * Generates `data/actors/institutions.yaml`: for every sovereign state in `data/actors/countries.yaml`
 * the state institutions event coders need (government, military, legislature, judiciary, police,
 * foreign, defence, interior, finance and health ministries, central bank) with CAMEO codes, plus well-known named bodies
 * (intelligence services, branches, chambers). Real names come from the tables below; other
 * countries get generic names ("Parliament of Chad"). The output is committed and reviewed; rerun
 * after editing the tables or the countries file:
 *
 *   npx tsx scripts/gen-institutions.ts
 *
 * CAMEO role codes: GOV government, MIL military, LEG legislature, JUD judiciary, COP police,
 * SPY intelligence (MILSPY military intelligence), GOVBUS central bank (as the Phoenix agents
 * dictionary codes CENTRAL_BANK). Foreign, interior and finance ministries are GOV, defence
 * ministries MIL, health ministries GOVHLH (as Phoenix codes HEALTH_MINISTRY).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Document, isMap, isSeq, parse, visit } from 'yaml';
import { dataPath } from '../src/paths.js';
import { nameKey } from '../src/kb/index.js';
import type { KbActor } from '../src/kb/types.js';

type Kind = 'gov' | 'mil' | 'leg' | 'jud' | 'cop' | 'mfa' | 'mod' | 'moi' | 'mof' | 'moh' | 'cb';

/** CAMEO role suffix and KB `kind` of each generated institution. */
const KINDS: Record<Kind, { role: string; kind: string }> = {
  gov: { role: 'GOV', kind: 'government' },
  mil: { role: 'MIL', kind: 'military' },
  leg: { role: 'LEG', kind: 'legislature' },
  jud: { role: 'JUD', kind: 'judiciary' },
  cop: { role: 'COP', kind: 'police' },
  mfa: { role: 'GOV', kind: 'foreign_ministry' },
  mod: { role: 'MIL', kind: 'defence_ministry' },
  moi: { role: 'GOV', kind: 'interior_ministry' },
  mof: { role: 'GOV', kind: 'finance_ministry' },
  moh: { role: 'GOVHLH', kind: 'health_ministry' },
  cb: { role: 'GOVBUS', kind: 'central_bank' },
};

/** States without armed forces (or without a defence ministry): no `-mil`/`-mod` record. */
const NO_MILITARY = new Set([
  'AD', 'CR', 'DM', 'GD', 'IS', 'KI', 'LC', 'LI', 'MC', 'MH', 'MU', 'FM', 'NR', 'PA', 'PW', 'SB', 'SM', 'TV', 'VA', 'VC', 'WS',
]);
const NO_DEFENCE_MINISTRY = new Set([...NO_MILITARY, 'PS']);
/**
 * States without a national central bank: users of another state's currency, and members of the
 * regional central banks (BEAC, BCEAO, ECCB — see igos.yaml).
 */
const NO_CENTRAL_BANK = new Set([
  'AD', 'MC', 'VA', 'LI', 'MH', 'FM', 'PW', 'NR', 'TV', 'KI', 'PA',
  'CM', 'CF', 'TD', 'CG', 'GQ', 'GA', // BEAC
  'BJ', 'BF', 'CI', 'GW', 'ML', 'NE', 'SN', 'TG', // BCEAO
  'AG', 'DM', 'GD', 'KN', 'LC', 'VC', // ECCB
]);
/** States without an interior ministry in the usual sense (the US Department of the Interior manages land). */
const NO_INTERIOR_MINISTRY = new Set(['US']);
/** States that get only some kinds (the Holy See has no parliament, courts of its own in news, or bank). */
const ONLY_KINDS: Record<string, Kind[]> = { VA: ['gov', 'mfa', 'cop'] };
/** Dependent territories and de facto states: no institutions generated. */
const SOVEREIGN_WITHOUT_LEADER = new Set(['BA', 'SM']);

/** Names needing "the" after "Government of". */
const WITH_THE = new Set(['BS', 'GM', 'NL', 'PH', 'US', 'GB', 'AE', 'MV', 'KM', 'SC', 'MH', 'SB', 'CF', 'CZ', 'DO', 'CG', 'CD', 'SU']);

/** Adjectives used to build aliases ("US military", "U.S. military"), when not the first demonym. */
const ADJECTIVES: Record<string, string[]> = {
  US: ['US', 'U.S.', 'American'],
  GB: ['British', 'UK', 'U.K.'],
  CD: ['Congolese', 'DRC', 'DR Congo'],
  CG: ['Congo-Brazzaville'],
  DM: ['Dominica'],
  NL: ['Dutch'],
  AE: ['Emirati', 'UAE'],
  KP: ['North Korean'],
  KR: ['South Korean'],
  SA: ['Saudi'],
  BA: ['Bosnian'],
  CF: ['Central African'],
  LS: ['Lesotho'],
  BW: ['Botswana'],
  MM: ['Myanmar', 'Burmese'],
  GW: ['Bissau-Guinean'],
  GQ: ['Equatorial Guinean'],
  ST: ['São Tomé'],
  KI: ['Kiribati'],
  VU: ['Vanuatu'],
  PS: ['Palestinian'],
  TL: ['East Timorese', 'Timorese'],
  PG: ['Papua New Guinean', 'PNG'],
  SU: ['Soviet'],
  YU: ['Yugoslav'],
  CS: ['Serbian-Montenegrin'],
  XK: ['Kosovo', 'Kosovar'],
  MK: ['North Macedonian', 'Macedonian'],
  CV: ['Cape Verdean'],
  BF: ['Burkinabe'],
};

/**
 * Real names per country and kind: `Name|alias|alias`. The first field replaces the generic name;
 * the aliases are added to the generated ones.
 */
const REAL: Record<string, Partial<Record<Kind, string>>> = {
  US: {
    gov: 'Federal government of the United States|United States government|US federal government|U.S. federal government|US administration|U.S. administration',
    mil: 'United States Armed Forces|US Armed Forces|U.S. Armed Forces',
    leg: 'United States Congress|Congress|US Congress|U.S. Congress|Capitol Hill',
    jud: 'Supreme Court of the United States|US Supreme Court|U.S. Supreme Court|SCOTUS',
    cop: 'Law enforcement in the United States',
    mfa: 'United States Department of State|State Department|the State Department|US State Department|U.S. State Department|Department of State|Foggy Bottom',
    mod: 'United States Department of Defense|Pentagon|the Pentagon|Department of Defense|Defense Department|US Defense Department|U.S. Defense Department|DoD|Department of War|War Department',
    mof: 'United States Department of the Treasury|Treasury Department|US Treasury|U.S. Treasury|Department of the Treasury',
    moh: 'United States Department of Health and Human Services|Department of Health and Human Services|HHS',
    cb: 'Federal Reserve|Fed|the Fed|Federal Reserve System|Federal Reserve Board|US Federal Reserve|U.S. Federal Reserve',
  },
  GB: {
    gov: 'Government of the United Kingdom|HM Government|Her Majesty\'s Government|His Majesty\'s Government',
    mil: 'British Armed Forces|HM Armed Forces|UK Armed Forces',
    leg: 'Parliament of the United Kingdom|British Parliament|UK Parliament|Westminster|Houses of Parliament',
    jud: 'Supreme Court of the United Kingdom|UK Supreme Court',
    cop: 'Police in the United Kingdom',
    mfa: 'Foreign, Commonwealth and Development Office|Foreign Office|FCDO|Foreign and Commonwealth Office|FCO|British Foreign Office|UK Foreign Office',
    mod: 'Ministry of Defence (United Kingdom)|MoD|MOD|British Ministry of Defence|UK Ministry of Defence',
    moi: 'Home Office|British Home Office|UK Home Office',
    mof: 'HM Treasury|British Treasury|UK Treasury',
    moh: 'Department of Health and Social Care|DHSC',
    cb: 'Bank of England|BoE|Threadneedle Street',
  },
  FR: {
    mil: 'French Armed Forces',
    leg: 'French Parliament|Parlement',
    cop: 'National Police (France)|Police nationale|French National Police',
    mfa: "Ministry for Europe and Foreign Affairs (France)|Quai d'Orsay|French Ministry of Foreign Affairs",
    mod: 'Ministry of the Armed Forces (France)|French Ministry of the Armed Forces|French Armed Forces Ministry|Hôtel de Brienne',
    moi: 'Ministry of the Interior (France)|Place Beauvau',
    mof: 'Ministry of the Economy and Finance (France)|Bercy',
    cb: 'Banque de France|Bank of France',
  },
  DE: {
    gov: 'Federal Government of Germany|Bundesregierung|German federal government',
    mil: 'Bundeswehr|German armed forces',
    leg: 'Bundestag|German Bundestag|German parliament',
    jud: 'Federal Constitutional Court|Bundesverfassungsgericht|German Constitutional Court',
    cop: 'Police of Germany|Bundespolizei|German Federal Police',
    mfa: 'Federal Foreign Office|Auswärtiges Amt|German Foreign Office',
    mod: 'Federal Ministry of Defence (Germany)|Bendlerblock',
    moi: 'Federal Ministry of the Interior (Germany)|German Interior Ministry',
    mof: 'Federal Ministry of Finance (Germany)|German Finance Ministry',
    moh: 'Federal Ministry of Health (Germany)|German Health Ministry',
    cb: 'Deutsche Bundesbank|Bundesbank|Buba',
  },
  IT: {
    mil: 'Italian Armed Forces',
    leg: 'Italian Parliament|Parlamento',
    jud: 'Judiciary of Italy|Italian magistrates|Italian prosecutors',
    cop: 'Polizia di Stato|Italian State Police',
    mfa: 'Ministry of Foreign Affairs and International Cooperation (Italy)|Farnesina',
    mod: 'Ministry of Defence (Italy)',
    cb: "Bank of Italy|Banca d'Italia",
  },
  RU: {
    gov: 'Government of Russia|Russian Government',
    mil: 'Russian Armed Forces|Armed Forces of the Russian Federation',
    leg: 'Federal Assembly (Russia)|Russian Federal Assembly',
    jud: 'Supreme Court of Russia|Russian Supreme Court',
    cop: 'Police of Russia|Politsiya',
    mfa: 'Ministry of Foreign Affairs of Russia|Russian Ministry of Foreign Affairs|Russian MFA',
    mod: 'Ministry of Defence of the Russian Federation|Russian Ministry of Defence|Russian Ministry of Defense',
    moi: 'Ministry of Internal Affairs of Russia|MVD|Russian Ministry of Internal Affairs',
    cb: 'Central Bank of Russia|Bank of Russia',
  },
  CN: {
    mil: "People's Liberation Army|PLA|Chinese People's Liberation Army",
    leg: "National People's Congress|NPC|Chinese legislature",
    jud: "Supreme People's Court|Chinese courts",
    cop: "People's Police (China)|Chinese People's Police",
    mfa: "Ministry of Foreign Affairs of the People's Republic of China|Chinese Ministry of Foreign Affairs",
    mod: "Ministry of National Defense of the People's Republic of China|Chinese Ministry of National Defense",
    moi: 'Ministry of Public Security (China)|Chinese Ministry of Public Security',
    cb: "People's Bank of China|PBOC|PBoC",
  },
  JP: {
    mil: 'Japan Self-Defense Forces|JSDF|Self-Defense Forces|Japan Self-Defence Forces|Self-Defence Forces',
    leg: 'National Diet|Diet|Japanese Diet',
    jud: 'Supreme Court of Japan',
    cop: 'National Police Agency (Japan)',
    mfa: 'Ministry of Foreign Affairs of Japan|Gaimusho',
    mod: 'Ministry of Defense (Japan)',
    moi: 'Ministry of Internal Affairs and Communications (Japan)',
    cb: 'Bank of Japan|BOJ|BoJ',
  },
  IN: {
    gov: 'Government of India|Union government',
    mil: 'Indian Armed Forces',
    leg: 'Parliament of India|Indian Parliament|Sansad',
    jud: 'Supreme Court of India',
    cop: 'Police in India',
    mfa: 'Ministry of External Affairs (India)|MEA|External Affairs Ministry|Indian External Affairs Ministry|South Block',
    mod: 'Ministry of Defence (India)',
    moi: 'Ministry of Home Affairs (India)|MHA|Home Ministry|Indian Home Ministry',
    cb: 'Reserve Bank of India|RBI',
  },
  BR: {
    gov: 'Federal Government of Brazil',
    mil: 'Brazilian Armed Forces',
    leg: 'National Congress of Brazil|Brazilian Congress|Congresso Nacional',
    jud: 'Supreme Federal Court|STF|Brazilian Supreme Court',
    cop: 'Federal Police of Brazil|Brazilian Federal Police|Polícia Federal',
    mfa: 'Ministry of Foreign Affairs (Brazil)|Itamaraty',
    mod: 'Ministry of Defence (Brazil)',
    cb: 'Central Bank of Brazil|Banco Central do Brasil',
  },
  CA: {
    gov: 'Government of Canada|federal government of Canada',
    mil: 'Canadian Armed Forces|Canadian Forces',
    leg: 'Parliament of Canada|Canadian Parliament',
    jud: 'Supreme Court of Canada',
    cop: 'Royal Canadian Mounted Police|RCMP|Mounties',
    mfa: 'Global Affairs Canada|Foreign Affairs Canada',
    mod: 'Department of National Defence (Canada)|National Defence|DND',
    moh: 'Health Canada',
    cb: 'Bank of Canada',
  },
  AU: {
    gov: 'Australian Government|Commonwealth Government',
    mil: 'Australian Defence Force',
    leg: 'Parliament of Australia|Australian Parliament|Federal Parliament',
    jud: 'High Court of Australia',
    cop: 'Australian Federal Police',
    mfa: 'Department of Foreign Affairs and Trade (Australia)|DFAT',
    mod: 'Department of Defence (Australia)',
    cb: 'Reserve Bank of Australia|RBA',
  },
  KR: {
    mil: 'Republic of Korea Armed Forces|ROK Armed Forces|ROK military',
    leg: 'National Assembly (South Korea)|South Korean National Assembly',
    jud: 'Supreme Court of Korea',
    cop: 'Korean National Police Agency',
    mfa: 'Ministry of Foreign Affairs (South Korea)',
    mod: 'Ministry of National Defense (South Korea)',
    cb: 'Bank of Korea|BOK',
  },
  KP: {
    gov: 'Government of North Korea|North Korean regime|Pyongyang regime',
    mil: "Korean People's Army|KPA",
    leg: "Supreme People's Assembly",
    jud: 'Central Court (North Korea)',
    cop: 'Ministry of Social Security (North Korea)',
    mfa: 'Ministry of Foreign Affairs (North Korea)',
    mod: 'Ministry of National Defence (North Korea)',
    cb: "Central Bank of the Democratic People's Republic of Korea",
  },
  MX: {
    mil: 'Mexican Armed Forces',
    leg: 'Congress of the Union|Mexican Congress',
    jud: 'Supreme Court of Justice of the Nation|Mexican Supreme Court',
    mfa: 'Secretariat of Foreign Affairs (Mexico)|SRE|Mexican Foreign Ministry',
    mod: 'Secretariat of National Defense (Mexico)|SEDENA|Sedena',
    cb: 'Bank of Mexico|Banxico',
  },
  AR: {
    mil: 'Argentine Armed Forces',
    leg: 'Argentine National Congress|Argentine Congress',
    jud: 'Supreme Court of Argentina',
    cop: 'Argentine Federal Police',
    mfa: 'Ministry of Foreign Affairs (Argentina)',
    mod: 'Ministry of Defense (Argentina)',
    cb: 'Central Bank of Argentina|BCRA',
  },
  ZA: {
    mil: 'South African National Defence Force|SANDF',
    leg: 'Parliament of South Africa|South African Parliament',
    jud: 'Constitutional Court of South Africa',
    cop: 'South African Police Service|SAPS',
    mfa: 'Department of International Relations and Cooperation|DIRCO',
    mod: 'Department of Defence (South Africa)',
    cb: 'South African Reserve Bank|SARB',
  },
  SA: {
    mil: 'Saudi Armed Forces',
    leg: 'Consultative Assembly of Saudi Arabia|Shura Council',
    mfa: 'Ministry of Foreign Affairs (Saudi Arabia)',
    mod: 'Ministry of Defense (Saudi Arabia)',
    cb: 'Saudi Central Bank|SAMA|Saudi Arabian Monetary Authority',
  },
  TR: {
    mil: 'Turkish Armed Forces|TSK',
    leg: 'Grand National Assembly of Turkey|Turkish Grand National Assembly|TBMM',
    cop: 'General Directorate of Security (Turkey)|Emniyet',
    mfa: 'Ministry of Foreign Affairs (Turkey)',
    mod: 'Ministry of National Defence (Turkey)',
    cb: 'Central Bank of the Republic of Turkey|CBRT|Turkish central bank',
  },
  ID: {
    mil: 'Indonesian National Armed Forces|TNI',
    leg: "People's Consultative Assembly|MPR",
    jud: 'Supreme Court of Indonesia',
    cop: 'Indonesian National Police|Polri',
    mfa: 'Ministry of Foreign Affairs (Indonesia)',
    mod: 'Ministry of Defence (Indonesia)',
    cb: 'Bank Indonesia',
  },
  IR: {
    gov: 'Government of Iran|Iranian regime|Tehran regime|Islamic Republic government',
    mil: 'Islamic Republic of Iran Army|Artesh|Iranian Army',
    leg: 'Islamic Consultative Assembly|Majlis|Majles|Iranian Majlis',
    jud: 'Judiciary of Iran|Iranian judiciary',
    cop: 'Law Enforcement Command of the Islamic Republic of Iran|FARAJA|NAJA',
    mfa: 'Ministry of Foreign Affairs (Iran)',
    mod: 'Ministry of Defence and Armed Forces Logistics (Iran)',
    cb: 'Central Bank of Iran|CBI',
  },
  SY: {
    gov: 'Government of Syria|Syrian regime|Assad regime|al-Assad regime|Al Assad regime|Al-Assad regime|Damascus government|Syrian Arab Republic government',
    mil: 'Syrian Armed Forces|Syrian Arab Army|SAA|Syrian Army|Syrian government forces|Syrian regime forces|Assad forces',
    leg: "People's Assembly of Syria|Syrian People's Assembly",
    mfa: 'Ministry of Foreign Affairs and Expatriates (Syria)',
    mod: 'Ministry of Defense (Syria)',
    cb: 'Central Bank of Syria',
  },
  IL: {
    mil: 'Israel Defense Forces|IDF|Israel Defence Forces|Tsahal|Zahal',
    leg: 'Knesset|Israeli Knesset',
    jud: 'Supreme Court of Israel|Israeli Supreme Court|High Court of Justice|Israeli High Court',
    cop: 'Israel Police',
    mfa: 'Ministry of Foreign Affairs (Israel)',
    mod: 'Ministry of Defense (Israel)',
    cb: 'Bank of Israel',
  },
  PS: {
    gov: 'Palestinian Authority|PA|Palestinian National Authority|PNA|Palestinian government',
    mil: 'Palestinian Security Services|Palestinian security forces|PA security forces',
    leg: 'Palestinian Legislative Council',
    cop: 'Palestinian Civil Police',
    mfa: 'Ministry of Foreign Affairs and Expatriates (Palestine)',
    moh: 'Palestinian Ministry of Health|Palestinian health ministry',
    cb: 'Palestine Monetary Authority|PMA',
  },
  LB: {
    mil: 'Lebanese Armed Forces|LAF|Lebanese Army',
    leg: 'Parliament of Lebanon|Lebanese Parliament',
    cop: 'Internal Security Forces (Lebanon)|Internal Security Forces',
    mfa: 'Ministry of Foreign Affairs and Emigrants (Lebanon)',
    mod: 'Ministry of National Defense (Lebanon)',
    cb: 'Banque du Liban|BDL|Central Bank of Lebanon',
  },
  IQ: {
    gov: 'Government of Iraq|Baghdad government|federal government of Iraq',
    mil: 'Iraqi Armed Forces|Iraqi security forces|Iraqi Army',
    leg: 'Council of Representatives of Iraq|Iraqi Council of Representatives',
    jud: 'Federal Supreme Court of Iraq|Iraqi Federal Supreme Court',
    cop: 'Iraqi Police',
    mfa: 'Ministry of Foreign Affairs (Iraq)',
    mod: 'Ministry of Defence (Iraq)',
    cb: 'Central Bank of Iraq',
  },
  AF: {
    gov: 'Government of Afghanistan|Kabul government',
    mil: 'Afghan Armed Forces|Afghan National Army|Afghan National Security Forces|ANSF|Afghan National Defense and Security Forces|ANDSF',
    leg: 'National Assembly of Afghanistan|Afghan parliament',
    jud: 'Supreme Court of Afghanistan',
    cop: 'Afghan National Police|ANP',
    mfa: 'Ministry of Foreign Affairs (Afghanistan)',
    mod: 'Ministry of Defense (Afghanistan)',
    cb: 'Da Afghanistan Bank',
  },
  PK: {
    mil: 'Pakistan Armed Forces|Pakistan Army|Pakistani Army',
    leg: 'Parliament of Pakistan|Majlis-e-Shoora',
    jud: 'Supreme Court of Pakistan',
    mfa: 'Ministry of Foreign Affairs (Pakistan)|Pakistani Foreign Office|Pakistan Foreign Office',
    mod: 'Ministry of Defence (Pakistan)',
    cb: 'State Bank of Pakistan|SBP',
  },
  UA: {
    gov: 'Government of Ukraine|Cabinet of Ministers of Ukraine|Kyiv government|Kiev government',
    mil: 'Armed Forces of Ukraine|Ukrainian Armed Forces|ZSU|AFU',
    leg: 'Verkhovna Rada|Rada|Ukrainian Rada',
    jud: 'Supreme Court of Ukraine',
    cop: 'National Police of Ukraine',
    mfa: 'Ministry of Foreign Affairs of Ukraine',
    mod: 'Ministry of Defence of Ukraine',
    moi: 'Ministry of Internal Affairs of Ukraine|Ukrainian Interior Ministry',
    cb: 'National Bank of Ukraine|NBU',
  },
  BY: {
    mil: 'Armed Forces of Belarus',
    leg: 'National Assembly of Belarus',
    cb: 'National Bank of the Republic of Belarus',
  },
  EG: {
    mil: 'Egyptian Armed Forces|Egyptian Army',
    leg: 'House of Representatives (Egypt)|Egyptian House of Representatives',
    jud: 'Supreme Constitutional Court of Egypt',
    mfa: 'Ministry of Foreign Affairs (Egypt)',
    mod: 'Ministry of Defense (Egypt)',
    cb: 'Central Bank of Egypt|CBE',
  },
  JO: { mil: 'Jordan Armed Forces|Jordanian Armed Forces|Arab Army', leg: 'Parliament of Jordan', cb: 'Central Bank of Jordan' },
  QA: { mil: 'Qatar Armed Forces', leg: 'Consultative Assembly of Qatar|Shura Council of Qatar', cb: 'Qatar Central Bank' },
  AE: { gov: 'Government of the United Arab Emirates|UAE government', mil: 'United Arab Emirates Armed Forces|UAE Armed Forces', leg: 'Federal National Council', cb: 'Central Bank of the UAE' },
  KW: { mil: 'Kuwait Armed Forces', leg: 'National Assembly (Kuwait)', cb: 'Central Bank of Kuwait' },
  BH: { mil: 'Bahrain Defence Force', leg: 'National Assembly (Bahrain)', cb: 'Central Bank of Bahrain' },
  OM: { mil: "Sultan of Oman's Armed Forces", leg: 'Council of Oman', cb: 'Central Bank of Oman' },
  YE: {
    gov: 'Government of Yemen|internationally recognised government of Yemen|internationally recognized government|Yemeni government',
    mil: 'Yemeni Armed Forces|Yemeni army',
    leg: 'House of Representatives (Yemen)',
    cb: 'Central Bank of Yemen',
  },
  SD: {
    gov: 'Government of Sudan|Sovereignty Council|Sovereign Council',
    mil: 'Sudanese Armed Forces|SAF|Sudanese army',
    cb: 'Central Bank of Sudan',
  },
  SS: { mil: "South Sudan People's Defence Forces|SSPDF|South Sudanese army", leg: 'Transitional National Legislature (South Sudan)' },
  LY: {
    gov: 'Government of Libya|Government of National Unity|GNU|Tripoli government',
    leg: 'House of Representatives (Libya)|Libyan House of Representatives|HoR',
    cb: 'Central Bank of Libya|CBL',
  },
  ET: { mil: 'Ethiopian National Defense Force|ENDF|Ethiopian army', leg: 'Federal Parliamentary Assembly (Ethiopia)', cb: 'National Bank of Ethiopia' },
  ER: { mil: 'Eritrean Defence Forces|Eritrean army' },
  SO: { gov: 'Federal Government of Somalia|Somali federal government', mil: 'Somali Armed Forces|Somali National Army|SNA', leg: 'Federal Parliament of Somalia', cb: 'Central Bank of Somalia' },
  KE: { mil: 'Kenya Defence Forces|KDF', leg: 'Parliament of Kenya', cop: 'National Police Service (Kenya)|Kenyan police', cb: 'Central Bank of Kenya' },
  UG: { mil: "Uganda People's Defence Force|UPDF", leg: 'Parliament of Uganda', cb: 'Bank of Uganda' },
  RW: { mil: 'Rwanda Defence Force|RDF|Rwandan army', leg: 'Parliament of Rwanda', cb: 'National Bank of Rwanda' },
  CD: { mil: 'Armed Forces of the Democratic Republic of the Congo|FARDC|Congolese army', leg: 'Parliament of the Democratic Republic of the Congo', cb: 'Central Bank of the Congo' },
  NG: {
    mil: 'Nigerian Armed Forces|Nigerian Army|Nigerian military',
    leg: 'National Assembly (Nigeria)|Nigerian National Assembly',
    jud: 'Supreme Court of Nigeria',
    cop: 'Nigeria Police Force|Nigerian Police Force',
    cb: 'Central Bank of Nigeria|CBN',
  },
  GH: { mil: 'Ghana Armed Forces', leg: 'Parliament of Ghana', cb: 'Bank of Ghana' },
  ML: { mil: 'Malian Armed Forces|FAMa|Malian army' },
  BF: { mil: 'Armed Forces of Burkina Faso' },
  NE: { mil: 'Niger Armed Forces|Nigerien army' },
  TD: { mil: 'Chadian National Army' },
  DZ: { mil: "People's National Army (Algeria)|Algerian People's National Army", leg: 'Parliament of Algeria', cb: 'Bank of Algeria' },
  MA: { mil: 'Royal Moroccan Armed Forces', leg: 'Parliament of Morocco', cb: 'Bank Al-Maghrib' },
  TN: { mil: 'Tunisian Armed Forces', leg: 'Assembly of the Representatives of the People', cb: 'Central Bank of Tunisia' },
  ZW: { mil: 'Zimbabwe Defence Forces|ZDF', leg: 'Parliament of Zimbabwe', cb: 'Reserve Bank of Zimbabwe' },
  MZ: { mil: 'Armed Forces for the Defence of Mozambique|FADM' },
  HT: { cop: 'Haitian National Police|PNH', leg: 'Parliament of Haiti', cb: 'Bank of the Republic of Haiti' },
  MM: {
    gov: 'Government of Myanmar|Myanmar junta|Burmese junta|military junta of Myanmar',
    mil: 'Tatmadaw|Myanmar Armed Forces|Myanmar military|Burmese military',
    leg: 'Assembly of the Union|Pyidaungsu Hluttaw',
    cop: 'Myanmar Police Force',
    cb: 'Central Bank of Myanmar',
  },
  TH: { mil: 'Royal Thai Armed Forces|Thai military', leg: 'National Assembly of Thailand', cop: 'Royal Thai Police', cb: 'Bank of Thailand' },
  PH: {
    mil: 'Armed Forces of the Philippines|Philippine military',
    leg: 'Congress of the Philippines|Philippine Congress',
    jud: 'Supreme Court of the Philippines',
    cop: 'Philippine National Police|PNP',
    mfa: 'Department of Foreign Affairs (Philippines)|DFA',
    mod: 'Department of National Defense (Philippines)',
    cb: 'Bangko Sentral ng Pilipinas|BSP',
  },
  MY: { mil: 'Malaysian Armed Forces', leg: 'Parliament of Malaysia|Dewan Rakyat', cop: 'Royal Malaysia Police', mfa: 'Ministry of Foreign Affairs (Malaysia)|Wisma Putra', cb: 'Bank Negara Malaysia' },
  SG: { mil: 'Singapore Armed Forces', leg: 'Parliament of Singapore', cop: 'Singapore Police Force', cb: 'Monetary Authority of Singapore|MAS' },
  VN: { mil: "People's Army of Vietnam|Vietnam People's Army", leg: 'National Assembly (Vietnam)', cb: 'State Bank of Vietnam' },
  TW: {
    gov: 'Executive Yuan|Government of Taiwan|Taipei government',
    mil: 'Republic of China Armed Forces|Taiwanese military|ROC Armed Forces',
    leg: 'Legislative Yuan',
    jud: 'Judicial Yuan',
    mfa: 'Ministry of Foreign Affairs (Taiwan)',
    mod: 'Ministry of National Defense (Taiwan)',
    cb: 'Central Bank of the Republic of China (Taiwan)',
  },
  BD: { mil: 'Bangladesh Armed Forces', leg: 'Jatiya Sangsad|Parliament of Bangladesh', cb: 'Bangladesh Bank' },
  LK: { mil: 'Sri Lanka Armed Forces', leg: 'Parliament of Sri Lanka', cb: 'Central Bank of Sri Lanka' },
  NP: { mil: 'Nepali Army|Nepal Army', leg: 'Federal Parliament of Nepal', cb: 'Nepal Rastra Bank' },
  KZ: { mil: 'Armed Forces of Kazakhstan', leg: 'Parliament of Kazakhstan', cb: 'National Bank of Kazakhstan' },
  UZ: { leg: 'Oliy Majlis', cb: 'Central Bank of Uzbekistan' },
  AZ: { mil: 'Azerbaijani Armed Forces', leg: 'National Assembly (Azerbaijan)|Milli Majlis', cb: 'Central Bank of Azerbaijan' },
  AM: { mil: 'Armed Forces of Armenia', leg: 'National Assembly (Armenia)', cb: 'Central Bank of Armenia' },
  GE: { mil: 'Defence Forces of Georgia', leg: 'Parliament of Georgia', cb: 'National Bank of Georgia' },
  MD: { leg: 'Parliament of Moldova', cb: 'National Bank of Moldova' },
  PL: { mil: 'Polish Armed Forces', leg: 'Parliament of Poland|Sejm|Polish Sejm', cb: 'National Bank of Poland|NBP' },
  HU: { mil: 'Hungarian Defence Forces', leg: 'National Assembly (Hungary)|Országgyűlés', cb: 'Magyar Nemzeti Bank|Hungarian National Bank' },
  CZ: { mil: 'Army of the Czech Republic', leg: 'Parliament of the Czech Republic', cb: 'Czech National Bank' },
  SK: { mil: 'Armed Forces of the Slovak Republic', leg: 'National Council of the Slovak Republic', cb: 'National Bank of Slovakia' },
  RO: { mil: 'Romanian Armed Forces', leg: 'Parliament of Romania', cb: 'National Bank of Romania' },
  BG: { mil: 'Bulgarian Armed Forces', leg: 'National Assembly of Bulgaria', cb: 'Bulgarian National Bank' },
  RS: { mil: 'Serbian Armed Forces|Serbian army', leg: 'National Assembly of Serbia', cb: 'National Bank of Serbia' },
  HR: { mil: 'Croatian Armed Forces', leg: 'Croatian Parliament|Sabor', cb: 'Croatian National Bank' },
  SI: { mil: 'Slovenian Armed Forces', leg: 'National Assembly of Slovenia', cb: 'Bank of Slovenia' },
  BA: { mil: 'Armed Forces of Bosnia and Herzegovina', leg: 'Parliamentary Assembly of Bosnia and Herzegovina', cb: 'Central Bank of Bosnia and Herzegovina' },
  ME: { mil: 'Armed Forces of Montenegro', leg: 'Parliament of Montenegro', cb: 'Central Bank of Montenegro' },
  MK: { mil: 'Army of North Macedonia', leg: 'Assembly of North Macedonia|Sobranie', cb: 'National Bank of North Macedonia' },
  AL: { mil: 'Albanian Armed Forces', leg: 'Parliament of Albania|Kuvendi', cb: 'Bank of Albania' },
  XK: { mil: 'Kosovo Security Force|KSF', leg: 'Assembly of the Republic of Kosovo|Assembly of Kosovo|Kosovo Assembly', cop: 'Kosovo Police', cb: 'Central Bank of the Republic of Kosovo' },
  GR: { mil: 'Hellenic Armed Forces|Greek Armed Forces', leg: 'Hellenic Parliament|Greek Parliament', cop: 'Hellenic Police', cb: 'Bank of Greece' },
  CY: { mil: 'Cypriot National Guard|National Guard of Cyprus', leg: 'House of Representatives (Cyprus)', cb: 'Central Bank of Cyprus' },
  ES: {
    mil: 'Spanish Armed Forces',
    leg: 'Cortes Generales|Spanish Parliament',
    jud: 'Supreme Court of Spain|Spanish Supreme Court',
    cop: 'National Police Corps (Spain)|Policía Nacional',
    mfa: 'Ministry of Foreign Affairs, European Union and Cooperation (Spain)',
    cb: 'Bank of Spain|Banco de España',
  },
  PT: { mil: 'Portuguese Armed Forces', leg: 'Assembly of the Republic (Portugal)', cb: 'Bank of Portugal|Banco de Portugal' },
  NL: { gov: 'Government of the Netherlands|Dutch cabinet', mil: 'Netherlands Armed Forces', leg: 'States General of the Netherlands|Dutch parliament', cb: 'De Nederlandsche Bank|DNB' },
  BE: { mil: 'Belgian Armed Forces', leg: 'Belgian Federal Parliament', cb: 'National Bank of Belgium' },
  LU: { mil: 'Luxembourg Army', leg: 'Chamber of Deputies (Luxembourg)', cb: 'Central Bank of Luxembourg' },
  CH: { gov: 'Federal Council (Switzerland)|Swiss Federal Council', mil: 'Swiss Armed Forces', leg: 'Federal Assembly (Switzerland)|Swiss parliament', cb: 'Swiss National Bank|SNB' },
  AT: { gov: 'Government of Austria|Austrian federal government', mil: 'Austrian Armed Forces|Bundesheer', leg: 'Parliament of Austria|Austrian parliament', cb: 'Oesterreichische Nationalbank|Austrian National Bank' },
  IE: { mil: 'Defence Forces (Ireland)|Irish Defence Forces', leg: 'Oireachtas', cop: 'Garda Síochána|Gardaí|Garda|Gardai', cb: 'Central Bank of Ireland' },
  SE: { mil: 'Swedish Armed Forces', leg: 'Riksdag|Swedish parliament', cb: 'Sveriges Riksbank|Riksbank' },
  NO: { mil: 'Norwegian Armed Forces', leg: 'Storting|Norwegian parliament', cb: 'Norges Bank' },
  DK: { mil: 'Danish Defence', leg: 'Folketing|Danish parliament', cb: 'Danmarks Nationalbank' },
  FI: { mil: 'Finnish Defence Forces', leg: 'Parliament of Finland|Eduskunta', cb: 'Bank of Finland' },
  IS: { leg: 'Althing|Icelandic parliament', cb: 'Central Bank of Iceland' },
  EE: { mil: 'Estonian Defence Forces', leg: 'Riigikogu|Estonian parliament', cb: 'Bank of Estonia' },
  LV: { mil: 'Latvian National Armed Forces', leg: 'Saeima|Latvian parliament', cb: 'Bank of Latvia' },
  LT: { mil: 'Lithuanian Armed Forces', leg: 'Seimas|Lithuanian parliament', cb: 'Bank of Lithuania' },
  MT: { mil: 'Armed Forces of Malta', leg: 'Parliament of Malta', cb: 'Central Bank of Malta' },
  NZ: { mil: 'New Zealand Defence Force|NZDF', leg: 'New Zealand Parliament', cop: 'New Zealand Police', mfa: 'Ministry of Foreign Affairs and Trade (New Zealand)|MFAT', cb: 'Reserve Bank of New Zealand|RBNZ' },
  CL: { mil: 'Armed Forces of Chile|Chilean Armed Forces', leg: 'National Congress of Chile|Chilean Congress', cop: 'Carabineros de Chile|Carabineros', cb: 'Central Bank of Chile' },
  CO: { mil: 'Military Forces of Colombia|Colombian Armed Forces', leg: 'Congress of Colombia|Colombian Congress', cop: 'National Police of Colombia', cb: 'Bank of the Republic (Colombia)|Banco de la República' },
  PE: { mil: 'Armed Forces of Peru|Peruvian Armed Forces', leg: 'Congress of the Republic of Peru|Peruvian Congress', cop: 'National Police of Peru', cb: 'Central Reserve Bank of Peru' },
  VE: {
    gov: 'Government of Venezuela|Maduro government|Chavista government',
    mil: 'National Bolivarian Armed Forces of Venezuela|FANB|Bolivarian Armed Forces',
    leg: 'National Assembly (Venezuela)|Venezuelan National Assembly',
    jud: 'Supreme Tribunal of Justice (Venezuela)|TSJ',
    cb: 'Central Bank of Venezuela|BCV',
  },
  BO: { mil: 'Armed Forces of Bolivia', leg: 'Plurinational Legislative Assembly', cb: 'Central Bank of Bolivia' },
  EC: { mil: 'Armed Forces of Ecuador', leg: 'National Assembly (Ecuador)' },
  UY: { leg: 'General Assembly of Uruguay', cb: 'Central Bank of Uruguay' },
  PY: { leg: 'Congress of Paraguay', cb: 'Central Bank of Paraguay' },
  CU: { mil: 'Revolutionary Armed Forces (Cuba)|Cuban Revolutionary Armed Forces', leg: "National Assembly of People's Power", cb: 'Central Bank of Cuba' },
  NI: { mil: 'Army of Nicaragua', leg: 'National Assembly (Nicaragua)', cb: 'Central Bank of Nicaragua' },
  SV: { mil: 'Armed Forces of El Salvador', leg: 'Legislative Assembly of El Salvador' },
  GT: { mil: 'Army of Guatemala', leg: 'Congress of Guatemala', cb: 'Bank of Guatemala' },
  HN: { mil: 'Armed Forces of Honduras', leg: 'National Congress of Honduras', cb: 'Central Bank of Honduras' },
  PA: { cop: 'Panamanian Public Forces', leg: 'National Assembly (Panama)' },
  CR: { cop: 'Public Force of Costa Rica', leg: 'Legislative Assembly of Costa Rica', cb: 'Central Bank of Costa Rica' },
  DO: { leg: 'National Congress (Dominican Republic)', cb: 'Central Bank of the Dominican Republic' },
  MN: { mil: 'Mongolian Armed Forces', leg: 'State Great Khural', cb: 'Bank of Mongolia' },
  KH: { mil: 'Royal Cambodian Armed Forces', leg: 'Parliament of Cambodia', cb: 'National Bank of Cambodia' },
  LA: { mil: "Lao People's Armed Forces", leg: 'National Assembly (Laos)', cb: 'Bank of the Lao PDR' },
  VA: {
    gov: 'Roman Curia|Vatican Curia|Curia',
    mfa: 'Secretariat of State (Holy See)|Vatican Secretariat of State|Holy See Secretariat of State',
    cop: 'Gendarmerie Corps of Vatican City State|Vatican Gendarmerie',
  },
  SU: { gov: 'Government of the Soviet Union|Soviet government|Soviet leadership', mil: 'Soviet Armed Forces|Soviet Army|Red Army|Soviet military|Soviet troops' },
  YU: { gov: 'Government of Yugoslavia|Yugoslav government|Belgrade government', mil: "Yugoslav People's Army|JNA" },
  CS: { gov: 'Government of Serbia and Montenegro|Government of the Federal Republic of Yugoslavia|Yugoslav government|Belgrade government', mil: 'Armed Forces of Serbia and Montenegro|Army of Yugoslavia|Yugoslav Army|VJ' },
};

/** Kinds generated for historical states that still appear in news about the 1990s. */
const HISTORICAL_KINDS: Kind[] = ['gov', 'mil'];

/** Well-known bodies beyond the generic eight: `id|country|cameo|name|aliases(;)|qid|from|to`. */
const EXTRAS = `
us-cia|US|USASPY|Central Intelligence Agency|CIA;Langley|Q37230||
us-fbi|US|USACOP|Federal Bureau of Investigation|FBI|Q8333||
us-nsa|US|USASPY|National Security Agency|NSA|||
us-dni|US|USASPY|Office of the Director of National Intelligence|ODNI|||
us-dhs|US|USAGOV|United States Department of Homeland Security|Department of Homeland Security;DHS;Homeland Security||2002-11-25|
us-doj|US|USAJUD|United States Department of Justice|Department of Justice;Justice Department;DOJ;US Justice Department;U.S. Justice Department|||
us-nsc|US|USAGOV|United States National Security Council|National Security Council;NSC;White House National Security Council|||
us-senate|US|USALEG|United States Senate|US Senate;U.S. Senate|Q66096||
us-house|US|USALEG|United States House of Representatives|US House;U.S. House;US House of Representatives;U.S. House of Representatives|||
us-army|US|USAMIL|United States Army|US Army;U.S. Army|||
us-navy|US|USAMIL|United States Navy|US Navy;U.S. Navy|||
us-air-force|US|USAMIL|United States Air Force|US Air Force;U.S. Air Force;USAF|||
us-marines|US|USAMIL|United States Marine Corps|US Marine Corps;U.S. Marine Corps;USMC;US Marines;U.S. Marines|||
us-centcom|US|USAMIL|United States Central Command|CENTCOM;Central Command;US Central Command;U.S. Central Command|||
us-eucom|US|USAMIL|United States European Command|EUCOM;US European Command|||
us-indopacom|US|USAMIL|United States Indo-Pacific Command|INDOPACOM;Indo-Pacific Command;PACOM;Pacific Command|||
us-joint-chiefs|US|USAMIL|Joint Chiefs of Staff|JCS;Joint Chiefs|||
us-coast-guard|US|USAMIL|United States Coast Guard|US Coast Guard;U.S. Coast Guard|||
us-ice|US|USACOP|U.S. Immigration and Customs Enforcement|ICE;Immigration and Customs Enforcement||2003-03-01|
us-cbp|US|USACOP|U.S. Customs and Border Protection|CBP;Customs and Border Protection;Border Patrol||2003-03-01|
us-dea|US|USACOP|Drug Enforcement Administration|DEA|||
us-secret-service|US|USACOP|United States Secret Service|Secret Service|||
us-usaid|US|USAGOV|United States Agency for International Development|USAID|||
us-ustr|US|USAGOV|Office of the United States Trade Representative|USTR;US Trade Representative|||
us-commerce|US|USAGOV|United States Department of Commerce|Commerce Department;Department of Commerce|||
gb-mi6|GB|GBRSPY|Secret Intelligence Service|MI6;SIS;British Secret Intelligence Service|||
gb-mi5|GB|GBRSPY|Security Service (United Kingdom)|MI5;British Security Service|||
gb-gchq|GB|GBRSPY|Government Communications Headquarters|GCHQ|||
gb-commons|GB|GBRLEG|House of Commons of the United Kingdom|House of Commons;the Commons;British House of Commons|||
gb-lords|GB|GBRLEG|House of Lords|the Lords|||
gb-army|GB|GBRMIL|British Army|||
gb-navy|GB|GBRMIL|Royal Navy|||
gb-raf|GB|GBRMIL|Royal Air Force|RAF|||
gb-met-police|GB|GBRCOP|Metropolitan Police Service|Metropolitan Police;Met Police;Scotland Yard;the Met|||
gb-cabinet-office|GB|GBRGOV|Cabinet Office|||
fr-dgse|FR|FRASPY|Directorate-General for External Security|DGSE|||
fr-dgsi|FR|FRASPY|General Directorate for Internal Security|DGSI||2014-05-12|
fr-national-assembly|FR|FRALEG|National Assembly (France)|Assemblée nationale;French National Assembly|||
fr-senate|FR|FRALEG|Senate (France)|French Senate;Sénat|||
fr-constitutional-council|FR|FRAJUD|Constitutional Council (France)|Conseil constitutionnel;French Constitutional Council|||
fr-gendarmerie|FR|FRACOP|National Gendarmerie|Gendarmerie nationale;Gendarmerie;French gendarmerie|||
fr-foreign-legion|FR|FRAMIL|French Foreign Legion|Foreign Legion;Légion étrangère|||
de-bnd|DE|DEUSPY|Federal Intelligence Service|BND;Bundesnachrichtendienst|||
de-bfv|DE|DEUSPY|Federal Office for the Protection of the Constitution|BfV;Verfassungsschutz|||
de-bundesrat|DE|DEULEG|Bundesrat of Germany|German Bundesrat|||
it-chamber|IT|ITALEG|Chamber of Deputies (Italy)|Italian Chamber of Deputies;Camera dei Deputati|||
it-senate|IT|ITALEG|Senate of the Republic (Italy)|Italian Senate|||
it-carabinieri|IT|ITACOP|Carabinieri|Arma dei Carabinieri|||
it-guardia-di-finanza|IT|ITACOP|Guardia di Finanza|||
it-aise|IT|ITASPY|Agenzia Informazioni e Sicurezza Esterna|AISE||2007|
ru-fsb|RU|RUSSPY|Federal Security Service|FSB;Russian Federal Security Service||1995-04-03|
ru-svr|RU|RUSSPY|Foreign Intelligence Service (Russia)|SVR;Russian Foreign Intelligence Service||1991-12-18|
ru-gru|RU|RUSMILSPY|Main Directorate of the General Staff|GRU;Russian military intelligence|||
ru-general-staff|RU|RUSMIL|General Staff of the Armed Forces of Russia|Russian General Staff|||
ru-state-duma|RU|RUSLEG|State Duma|Duma;Russian Duma;Russian State Duma|||
ru-federation-council|RU|RUSLEG|Federation Council (Russia)|Federation Council;Russian Federation Council|||
ru-security-council|RU|RUSGOV|Security Council of Russia|Russian Security Council|||
ru-presidential-administration|RU|RUSGOV|Presidential Administration of Russia|Kremlin administration;Russian Presidential Administration|||
ru-rosgvardia|RU|RUSCOP|National Guard of Russia|Rosgvardia;Rosgvardiya;Russian National Guard||2016-04-05|
ru-investigative-committee|RU|RUSJUD|Investigative Committee of Russia|Investigative Committee;Sledstvenny Komitet||2011-01-15|
ru-prosecutor-general|RU|RUSJUD|Prosecutor General's Office of Russia|Russian Prosecutor General's Office|||
ru-constitutional-court|RU|RUSJUD|Constitutional Court of Russia|Russian Constitutional Court|||
ru-navy|RU|RUSMIL|Russian Navy|||
ru-black-sea-fleet|RU|RUSMIL|Black Sea Fleet|Russian Black Sea Fleet|||
ru-aerospace-forces|RU|RUSMIL|Russian Aerospace Forces|VKS;Russian Air Force||2015-08-01|
ru-roskomnadzor|RU|RUSGOV|Roskomnadzor|||
ru-rosatom|RU|RUSGOV|Rosatom|||
su-kgb|SU|SUNSPY|KGB|Committee for State Security;Soviet KGB||1954-03-13|1991-12-03
su-politburo|SU|SUNGOV|Politburo of the Communist Party of the Soviet Union|Soviet Politburo|||1991-11-06
cn-state-council|CN|CHNGOV|State Council of the People's Republic of China|State Council;Chinese State Council|||
cn-cmc|CN|CHNMIL|Central Military Commission|CMC;Chinese Central Military Commission|||
cn-mss|CN|CHNSPY|Ministry of State Security (China)|MSS;Chinese Ministry of State Security||1983|
cn-pap|CN|CHNCOP|People's Armed Police|PAP;Chinese People's Armed Police|||
cn-coast-guard|CN|CHNMIL|China Coast Guard|Chinese Coast Guard;CCG||2013|
cn-plan|CN|CHNMIL|People's Liberation Army Navy|PLA Navy;Chinese navy|||
cn-npc-standing-committee|CN|CHNLEG|Standing Committee of the National People's Congress|NPC Standing Committee;NPCSC|||
cn-taiwan-affairs-office|CN|CHNGOV|Taiwan Affairs Office|Chinese Taiwan Affairs Office|||
cn-hkmao|CN|CHNGOV|Hong Kong and Macau Affairs Office|HKMAO|||
hk-gov|HK|HKGGOV|Government of Hong Kong|Hong Kong government;HKSAR government;Hong Kong authorities|||
hk-police|HK|HKGCOP|Hong Kong Police Force|Hong Kong police|||
hk-legco|HK|HKGLEG|Legislative Council of Hong Kong|LegCo;Legislative Council|||
jp-psia|JP|JPNSPY|Public Security Intelligence Agency|PSIA|||
in-raw|IN|INDSPY|Research and Analysis Wing|R&AW|||
in-ib|IN|INDSPY|Intelligence Bureau (India)|Indian Intelligence Bureau|||
in-army|IN|INDMIL|Indian Army|||
in-lok-sabha|IN|INDLEG|Lok Sabha|||
in-rajya-sabha|IN|INDLEG|Rajya Sabha|||
in-bsf|IN|INDCOP|Border Security Force|BSF|||
in-crpf|IN|INDCOP|Central Reserve Police Force|CRPF|||
in-nia|IN|INDCOP|National Investigation Agency|NIA||2009|
in-pmo|IN|INDGOV|Prime Minister's Office (India)|PMO|||
ca-csis|CA|CANSPY|Canadian Security Intelligence Service|CSIS|||
au-asis|AU|AUSSPY|Australian Secret Intelligence Service|ASIS|||
au-asio|AU|AUSSPY|Australian Security Intelligence Organisation|ASIO|||
kr-nis|KR|KORSPY|National Intelligence Service (South Korea)|NIS;South Korean National Intelligence Service|||
kr-jcs|KR|KORMIL|Joint Chiefs of Staff (South Korea)|South Korean Joint Chiefs of Staff|||
kr-constitutional-court|KR|KORJUD|Constitutional Court of Korea|South Korean Constitutional Court|||
kp-rgb|KP|PRKSPY|Reconnaissance General Bureau|RGB||2009|
kp-state-affairs-commission|KP|PRKGOV|State Affairs Commission|||2016-06-29|
mx-national-guard|MX|MEXCOP|National Guard (Mexico)|Guardia Nacional;Mexican National Guard||2019|
sa-gip|SA|SAUSPY|General Intelligence Presidency|GIP;Saudi intelligence|||
sa-national-guard|SA|SAUMIL|Saudi Arabian National Guard|SANG;Saudi National Guard|||
sa-pif|SA|SAUGOVBUS|Public Investment Fund|PIF;Saudi Public Investment Fund|||
tr-mit|TR|TURSPY|National Intelligence Organization (Turkey)|Turkish intelligence;Turkish National Intelligence Organization|||
tr-gendarmerie|TR|TURCOP|Gendarmerie General Command|Jandarma;Turkish Gendarmerie|||
tr-constitutional-court|TR|TURJUD|Constitutional Court of Turkey|Turkish Constitutional Court|||
ir-irgc|IR|IRNMIL|Islamic Revolutionary Guard Corps|IRGC;Revolutionary Guards;Revolutionary Guard;Islamic Revolutionary Guards Corps;Iranian Revolutionary Guard Corps;Iranian Revolutionary Guards;Sepah;Pasdaran|||
ir-quds-force|IR|IRNMIL|Quds Force|Qods Force;IRGC-QF;IRGC Quds Force;al-Quds Force|||
ir-basij|IR|IRNMIL|Basij|Basij militia;Basij Resistance Force;Basiji|||
ir-mois|IR|IRNSPY|Ministry of Intelligence (Iran)|MOIS;VAJA;Iranian Ministry of Intelligence|||
ir-guardian-council|IR|IRNGOV|Guardian Council|Council of Guardians;Guardian Council of the Constitution|||
ir-assembly-of-experts|IR|IRNGOV|Assembly of Experts|||
ir-expediency-council|IR|IRNGOV|Expediency Discernment Council|Expediency Council|||
ir-snsc|IR|IRNGOV|Supreme National Security Council (Iran)|Supreme National Security Council;SNSC|||
ir-aeoi|IR|IRNGOV|Atomic Energy Organization of Iran|AEOI|||
sy-gid|SY|SYRSPY|General Intelligence Directorate (Syria)|Syrian General Intelligence Directorate;General Security Directorate|||
sy-air-force-intelligence|SY|SYRMILSPY|Air Force Intelligence Directorate|Syrian Air Force Intelligence|||2024-12-08
sy-republican-guard|SY|SYRMIL|Republican Guard (Syria)|Syrian Republican Guard|||2024-12-08
sy-fourth-division|SY|SYRMIL|4th Armoured Division (Syria)|Fourth Division;4th Division;Fourth Armoured Division|||2024-12-08
sy-tiger-forces|SY|SYRMIL|Tiger Forces|25th Special Mission Forces Division|||2024-12-08
sy-ndf|SY|SYRMIL|National Defence Forces (Syria)|National Defence Forces;NDF||2012|2024-12-08
sy-white-helmets|SY|SYRNGO|Syria Civil Defence|White Helmets;Syrian Civil Defence||2014|
il-mossad|IL|ISRSPY|Mossad|Institute for Intelligence and Special Operations;the Mossad|||
il-shin-bet|IL|ISRSPY|Shin Bet|Shabak;Israel Security Agency;General Security Service|||
il-aman|IL|ISRMILSPY|Military Intelligence Directorate (Israel)|Aman;Israeli military intelligence|||
il-unit-8200|IL|ISRMILSPY|Unit 8200|||
il-air-force|IL|ISRMIL|Israeli Air Force|IAF;Israel Air Force|||
il-navy|IL|ISRMIL|Israeli Navy|||
il-border-police|IL|ISRCOP|Israel Border Police|Border Police;Magav|||
il-cogat|IL|ISRMIL|Coordinator of Government Activities in the Territories|COGAT|||
il-security-cabinet|IL|ISRGOV|Security Cabinet of Israel|Israeli security cabinet;Israeli war cabinet|||
il-prison-service|IL|ISRCOP|Israel Prison Service|IPS|||
ps-preventive-security|PS|PSECOP|Palestinian Preventive Security|Preventive Security Service|||
ps-pcbs|PS|PSEGOV|Palestinian Central Bureau of Statistics|PCBS|||
ps-gaza-health-ministry|PS|PSEGOV|Ministry of Health (Gaza)|Gaza health ministry;Gaza Health Ministry;Hamas-run health ministry;health ministry in Gaza|||
lb-general-security|LB|LBNCOP|General Directorate of General Security (Lebanon)|General Security;Lebanese General Security|||
iq-cts|IQ|IRQMIL|Counter Terrorism Service (Iraq)|Iraqi Counter Terrorism Service;CTS;Golden Division|||
iq-krg|IQ|IRQGOV|Kurdistan Regional Government|KRG;Kurdish Regional Government;Erbil government||1992|
iq-peshmerga|IQ|IRQMIL|Peshmerga|Kurdish Peshmerga;Peshmerga forces|||
af-nds|AF|AFGSPY|National Directorate of Security|NDS;Afghan intelligence||1992|2021-08-15
pk-isi|PK|PAKSPY|Inter-Services Intelligence|ISI;Pakistani intelligence|||
pk-ispr|PK|PAKMIL|Inter-Services Public Relations|ISPR|||
pk-frontier-corps|PK|PAKMIL|Frontier Corps||||
pk-national-assembly|PK|PAKLEG|National Assembly of Pakistan|Pakistani National Assembly|||
pk-senate|PK|PAKLEG|Senate of Pakistan|Pakistani Senate|||
ua-sbu|UA|UKRSPY|Security Service of Ukraine|SBU;Ukrainian Security Service||1991|
ua-hur|UA|UKRMILSPY|Main Directorate of Intelligence (Ukraine)|HUR;GUR;Ukrainian military intelligence;Defence Intelligence of Ukraine|||
ua-national-guard|UA|UKRMIL|National Guard of Ukraine|Ukrainian National Guard||2014-03-13|
ua-azov|UA|UKRMIL|Azov Brigade|Azov Regiment;Azov Battalion;Azov||2014-05|
ua-presidential-office|UA|UKRGOV|Office of the President of Ukraine|Presidential Office of Ukraine;Ukrainian presidential office|||
ua-nabu|UA|UKRCOP|National Anti-Corruption Bureau of Ukraine|NABU||2015|
ua-constitutional-court|UA|UKRJUD|Constitutional Court of Ukraine|Ukrainian Constitutional Court|||
by-kgb|BY|BLRSPY|State Security Committee of the Republic of Belarus|Belarusian KGB;KGB of Belarus|||
eg-gis|EG|EGYSPY|General Intelligence Directorate (Egypt)|Egyptian General Intelligence;Egyptian intelligence;Mukhabarat|||
ly-gns|LY|LBYGOV|Government of National Stability|eastern-based government;Benghazi-based government;GNS||2022-03|
ly-gna|LY|LBYGOV|Government of National Accord|GNA;Tripoli-based government||2016-03|2021-03-15
ye-plc|YE|YEMGOV|Presidential Leadership Council|Yemen's Presidential Leadership Council||2022-04-07|
ve-sebin|VE|VENSPY|Bolivarian National Intelligence Service|SEBIN|||
ve-colectivos|VE|VENUAF|Colectivos|colectivos|||
cu-dgi|CU|CUBSPY|Intelligence Directorate (Cuba)|DGI;Cuban intelligence|||
mm-sac|MM|MMRGOV|State Administration Council|SAC||2021-02-02|2025-07-31
es-congress|ES|ESPLEG|Congress of Deputies|Spanish Congress of Deputies;Congreso de los Diputados|||
es-guardia-civil|ES|ESPCOP|Guardia Civil|Civil Guard (Spain)|||
es-cni|ES|ESPSPY|National Intelligence Centre (Spain)|CNI;Centro Nacional de Inteligencia||2002|
nl-tweede-kamer|NL|NLDLEG|House of Representatives (Netherlands)|Tweede Kamer;Dutch House of Representatives|||
ie-dail|IE|IRLLEG|Dáil Éireann|Dáil;Dail|||
pl-senate|PL|POLLEG|Senate of Poland|Polish Senate|||
za-ssa|ZA|ZAFSPY|State Security Agency (South Africa)|SSA||2009|
ng-dss|NG|NGASPY|Department of State Services|DSS;State Security Service|||
ng-efcc|NG|NGACOP|Economic and Financial Crimes Commission|EFCC||2003|
ke-nis|KE|KENSPY|National Intelligence Service (Kenya)|Kenyan NIS|||
et-tigray-interim-administration|ET|ETHGOV|Tigray Interim Administration|Tigray interim administration||2023-03|
ph-nbi|PH|PHLCOP|National Bureau of Investigation (Philippines)|NBI|||
tw-mac|TW|TWNGOV|Mainland Affairs Council||||
tw-coast-guard|TW|TWNMIL|Coast Guard Administration (Taiwan)|Taiwan Coast Guard|||
tw-presidential-office|TW|TWNGOV|Office of the President (Taiwan)|Presidential Office (Taiwan)|||
`;

/** Wikidata QIDs the editors are sure of, by generated id. */
const QIDS: Record<string, string> = {
  'US-leg': 'Q11268',
  'US-jud': 'Q11201',
  'US-mfa': 'Q789915',
  'US-mod': 'Q11209',
  'US-cb': 'Q53536',
  'DE-leg': 'Q154797',
};

interface CountryRecord {
  id: string;
  name: string;
  cameo?: string | null;
  country?: string | null;
  iso3?: string;
  demonyms?: string[];
  leader?: string;
  to?: string | null;
  from?: string | null;
}

/** The generic name of an institution of a country: "Parliament of Chad", "Government of the Gambia". */
function genericName(kind: Kind, c: CountryRecord): string {
  const of = WITH_THE.has(c.id) ? `the ${c.name}` : c.name;
  switch (kind) {
    case 'gov': return `Government of ${of}`;
    case 'mil': return `Armed Forces of ${of}`;
    case 'leg': return `Parliament of ${of}`;
    case 'jud': return `Judiciary of ${of}`;
    case 'cop': return `Police of ${of}`;
    case 'mfa': return `Ministry of Foreign Affairs of ${of}`;
    case 'mod': return `Ministry of Defence of ${of}`;
    case 'moi': return `Ministry of Interior of ${of}`;
    case 'mof': return `Ministry of Finance of ${of}`;
    case 'moh': return `Ministry of Health of ${of}`;
    case 'cb': return `Central Bank of ${of}`;
  }
}

/** Descriptive aliases built from the country's adjectives ("Russian military", "Russian troops"). */
function genericAliases(kind: Kind, adjectives: string[]): string[] {
  const out: string[] = [];
  for (const a of adjectives) {
    switch (kind) {
      case 'gov': out.push(`${a} government`, `${a} Government`, `${a} authorities`); break;
      case 'mil': out.push(`${a} military`, `${a} armed forces`, `${a} Armed Forces`, `${a} army`, `${a} troops`, `${a} forces`, `${a} soldiers`); break;
      case 'leg': out.push(`${a} parliament`, `${a} Parliament`, `${a} legislature`, `${a} lawmakers`); break;
      case 'jud': out.push(`${a} judiciary`, `${a} courts`, `${a} Supreme Court`, `${a} prosecutors`); break;
      case 'cop': out.push(`${a} police`, `${a} Police`); break;
      case 'mfa': out.push(`${a} foreign ministry`, `${a} Foreign Ministry`, `${a} Ministry of Foreign Affairs`); break;
      case 'mod': out.push(`${a} defence ministry`, `${a} Defence Ministry`, `${a} defense ministry`, `${a} Defense Ministry`, `${a} Ministry of Defence`, `${a} Ministry of Defense`); break;
      case 'moi': out.push(`${a} interior ministry`, `${a} Ministry of Interior`, `${a} Ministry of the Interior`); break;
      case 'mof': out.push(`${a} finance ministry`, `${a} Ministry of Finance`); break;
      case 'moh': out.push(`${a} health ministry`, `${a} Ministry of Health`); break;
      case 'cb': out.push(`${a} central bank`, `${a} Central Bank`); break;
    }
  }
  return out;
}

/** Aliases without repeats under the KB's matching key (case, dots and accents ignored) or the name itself. */
function uniq(xs: string[], not: string): string[] {
  const seen = new Set([nameKey(not)]);
  return xs.filter((x) => {
    const k = nameKey(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function build(countries: CountryRecord[]): KbActor[] {
  const out: KbActor[] = [];
  for (const c of countries) {
    if (!/^[A-Z]{2}$/.test(c.id) || !c.cameo) continue;
    const historical = Boolean(c.to);
    if (!c.leader && !SOVEREIGN_WITHOUT_LEADER.has(c.id)) continue;
    const adjectives = ADJECTIVES[c.id] ?? (c.demonyms?.length ? [c.demonyms[0]!] : [c.name]);
    const kinds: Kind[] = historical ? HISTORICAL_KINDS : (Object.keys(KINDS) as Kind[]);
    for (const kind of kinds) {
      if (ONLY_KINDS[c.id] && !ONLY_KINDS[c.id]!.includes(kind)) continue;
      if (kind === 'mil' && NO_MILITARY.has(c.id)) continue;
      if (kind === 'mod' && NO_DEFENCE_MINISTRY.has(c.id)) continue;
      if (kind === 'cb' && NO_CENTRAL_BANK.has(c.id)) continue;
      if (kind === 'moi' && NO_INTERIOR_MINISTRY.has(c.id)) continue;
      const [realName, ...realAliases] = (REAL[c.id]?.[kind] ?? '').split('|').filter(Boolean);
      const name = realName ?? genericName(kind, c);
      const aliases = uniq([...realAliases, ...(realName ? [genericName(kind, c)] : []), ...genericAliases(kind, adjectives)], name);
      const id = `${c.id}-${kind}`;
      const rec: KbActor = { id, name, type: 'ORG', qid: QIDS[id] ?? null, cameo: `${c.cameo}${KINDS[kind].role}`, country: c.id, kind: KINDS[kind].kind, aliases };
      if (c.from && historical) rec.from = c.from;
      if (c.to) rec.to = c.to;
      out.push(rec);
    }
  }
  for (const line of EXTRAS.trim().split('\n')) {
    const [id, country, cameo, name, aliases, qid, from, to] = line.split('|');
    const rec: KbActor = { id: id!, name: name!, type: 'ORG', qid: qid || null, cameo: cameo!, country: country!, kind: kindOf(cameo!) };
    const list = uniq((aliases ?? '').split(';').filter(Boolean), name!);
    if (list.length) rec.aliases = list;
    if (from) rec.from = from;
    if (to) rec.to = to;
    out.push(rec);
  }
  return out;
}

/** The KB `kind` of a named body from its CAMEO role. */
function kindOf(cameo: string): string {
  const role = cameo.slice(3);
  if (role.endsWith('SPY')) return 'intelligence';
  return ({ GOV: 'government_body', MIL: 'military', LEG: 'legislature', JUD: 'judiciary', COP: 'police', NGO: 'ngo', UAF: 'armed_group', GOVBUS: 'state_fund' } as Record<string, string>)[role] ?? 'government_body';
}

/** Writes records as a YAML list, one block per record, lists in flow style for review. */
function toYaml(records: KbActor[]): string {
  const doc = new Document(records);
  visit(doc, {
    Seq(_key, node, path) {
      if (path.length > 1 && node.items.every((i) => !isMap(i))) node.flow = true;
    },
    Map(_key, node, path) {
      const parent = path[path.length - 1];
      if (isSeq(parent) && path.length > 2) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n- id:/g, '\n\n- id:');
}

const HEADER = `# GENERATED by scripts/gen-institutions.ts from data/actors/countries.yaml and the tables in
# that script. Edit the script (or countries.yaml) and rerun: npx tsx scripts/gen-institutions.ts
#
# Per sovereign state: <ISO2>-gov government, -mil armed forces, -leg legislature, -jud judiciary,
# -cop police, -mfa foreign ministry, -mod defence ministry, -moi interior ministry, -mof finance
# ministry, -moh health ministry, -cb central bank; then named bodies
# (intelligence services, chambers, branches) with kebab-case ids.
# CAMEO: country code + GOV / MIL / LEG / JUD / COP; GOVHLH health ministries; SPY intelligence (MILSPY military
# intelligence); GOVBUS central banks (as the Phoenix agents dictionary codes CENTRAL_BANK);
# foreign ministries GOV, defence ministries MIL. QIDs only where the editors are sure.
`;

/**
 * The text of `institutions.yaml` for a countries file's text: pure, so a test can check that the
 * committed file is what the tables generate.
 *
 * @example
 *   renderInstitutions(readFileSync('data/actors/countries.yaml', 'utf8')).includes('- id: RU-gov') // true
 */
export function renderInstitutions(countriesYaml: string): string {
  return HEADER + toYaml(build(parse(countriesYaml) as CountryRecord[]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = dataPath('actors', 'institutions.yaml');
  const text = renderInstitutions(readFileSync(dataPath('actors', 'countries.yaml'), 'utf8'));
  writeFileSync(out, text);
  console.log(`wrote ${(text.match(/^- id: /gm) ?? []).length} institutions to ${out}`);
}
