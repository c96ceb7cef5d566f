import { z } from 'zod';

/**
 * The actor knowledge base record, as written in the reviewable files under `data/actors/`
 * (YAML lists of these records) and in user dictionaries (`--actors file.yaml`).
 * PETRARCH/TABARI dictionaries are imported into the same structure.
 *
 * @example (YAML)
 *   - id: vladimir-putin
 *     name: Vladimir Putin
 *     type: PERSON
 *     qid: Q7747
 *     cameo: RUSGOV
 *     country: RU
 *     gender: m
 *     aliases: [Putin, Vladimir Vladimirovich Putin]
 *     roles:
 *       - { title: President, kind: head_of_state, org: RU, cameo: RUSGOV, from: 2012-05-07, to: null }
 */
export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const isoDate = z
  .string()
  .regex(ISO_DATE, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD')
  .nullable()
  .optional();

/** Role kinds the linker uses to resolve descriptions ("the Russian leader", "the US Secretary of State"). */
export const ROLE_KINDS = [
  'head_of_state',
  'head_of_government',
  'foreign_minister',
  'defence_minister',
  'interior_minister',
  'finance_minister',
  'minister',
  'military_commander',
  'party_leader',
  'group_leader',
  'org_leader',
  'diplomat',
  'legislator',
  'judge',
  'journalist',
  'other',
] as const;

export const RoleSchema = z.object({
  /** The title as written in news: "President", "Secretary of State", "Foreign Minister". */
  title: z.string().min(1),
  kind: z.enum(ROLE_KINDS),
  /** Organisation or country of the role: ISO alpha-2 for countries, an actor id otherwise. */
  org: z.string().min(1),
  /** CAMEO actor code while holding the role (e.g. RUSGOV); defaults to the actor's code. */
  cameo: z.string().regex(/^[A-Z]{3,15}$/).optional(),
  from: isoDate,
  to: isoDate,
});
export type KbRole = z.infer<typeof RoleSchema>;

export const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC'] as const;
/** Entity types a lexicon may assign to a name (same as actor types). */
export const ENTITY_TYPES_FOR_LEXICON = ACTOR_TYPES;

export const ActorSchema = z.object({
  /** Stable id, unique across the knowledge base: kebab-case slug, or ISO alpha-2 for countries. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  name: z.string().min(1),
  type: z.enum(ACTOR_TYPES),
  /** Wikidata QID where one exists. */
  qid: z.string().regex(/^Q\d+$/).nullable().optional(),
  /** CAMEO actor code (country + role, e.g. RUSGOV, SYRREB, IGOUNO, USA). */
  cameo: z.string().regex(/^[A-Z]{3,15}$/).nullable().optional(),
  /** ISO 3166 alpha-2 of the actor's country, when it has one. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  /** Other names and spellings, matched case-sensitively as proper names. */
  aliases: z.array(z.string().min(1)).optional(),
  /** Organisation kind or sector (igo, armed_group, party, media, agency, government_body...). */
  kind: z.string().optional(),
  /** For persons: 'm' | 'f', used by pronoun coreference. */
  gender: z.enum(['m', 'f']).optional(),
  roles: z.array(RoleSchema).optional(),
  /** Countries only. */
  iso3: z.string().regex(/^[A-Z]{3}$/).optional(),
  demonyms: z.array(z.string()).optional(),
  capital: z.string().optional(),
  /** Seats of government used as metonyms for the government (Kremlin, White House, Downing Street). */
  seats: z.array(z.string()).optional(),
  /** Which role kind is "the leader" of a country: head_of_state (presidential) or head_of_government (parliamentary). */
  leader: z.enum(['head_of_state', 'head_of_government']).optional(),
  /** Date-bounded CAMEO codes (as in PETRARCH dictionaries: `[RUSGOV 850311-910824]`); `cameo` is the undated default. */
  codes: z.array(z.object({ code: z.string().regex(/^[A-Z]{3,15}$/), from: isoDate, to: isoDate })).optional(),
  /** Validity of the actor itself (e.g. a country that ceased to exist). */
  from: isoDate,
  to: isoDate,
});
export type KbActor = z.infer<typeof ActorSchema>;

/** A knowledge-base record with where it was read from, for provenance and error messages. */
export interface LoadedActor extends KbActor {
  /** `file:line` of the record. */
  origin: string;
}
