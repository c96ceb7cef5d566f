import { z } from 'zod';

/** Query and body schemas of the HTTP API; the OpenAPI document is generated from them. */

const modality = z.enum(['asserted', 'negated', 'hypothetical', 'future', 'reported', 'denied']);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const limit = z.coerce.number().int().min(1).max(1000).default(50);
const cursor = z.string().regex(/^[0-9]+$/, 'invalid cursor').optional();
/** `modality=any` or a comma-separated list; asserted only when omitted. */
const modalities = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    if (s === 'any') return 'any' as const;
    const parts = s.split(',');
    for (const p of parts) {
      if (!modality.safeParse(p).success) {
        ctx.addIssue({ code: 'custom', message: `unknown modality '${p}'` });
        return z.NEVER;
      }
    }
    return parts as Array<z.infer<typeof modality>>;
  });

export const SearchQuery = z.object({ q: z.string().min(1).max(500), limit: limit.optional() });
export const PageQuery = z.object({ cursor, limit: limit.optional() });
export const ActorsQuery = z.object({ q: z.string().min(1).max(200), limit: limit.optional() });
export const ProfileQuery = z.object({ top: z.coerce.number().int().min(1).max(200).optional(), from: isoDate.optional(), to: isoDate.optional() });
export const NeighbourQuery = z.object({ depth: z.coerce.number().int().min(1).max(2).default(1) });
export const DyadQuery = z.object({
  a: z.string().min(1), b: z.string().min(1), from: isoDate.optional(), to: isoDate.optional(),
  both: z.enum(['true', 'false']).optional(), modality: modalities,
});
export const EventsQuery = z.object({
  actor: z.string().optional(), source: z.string().optional(), target: z.string().optional(),
  code: z.string().regex(/^\d{2,4}$/).optional(), root: z.string().regex(/^\d{2}$/).optional(),
  plover: z.string().regex(/^[A-Z_]+$/).optional(), quadClass: z.coerce.number().int().min(1).max(4).optional(),
  from: isoDate.optional(), to: isoDate.optional(), place: z.string().optional(), country: z.string().regex(/^[A-Z]{2}$/).optional(),
  modality: modalities, article: z.string().optional(), incident: z.coerce.number().int().optional(), cursor, limit: limit.optional(),
});
export const GraphQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), modality: modalities, limit: z.coerce.number().int().min(1).max(20000).default(5000) });
export const IncidentsQuery = z.object({ minSources: z.coerce.number().int().min(1).default(1), limit: limit.optional() });

export const AnalyzeBody = z
  .object({
    id: z.string().max(500).optional(),
    url: z.string().max(2000).optional(),
    title: z.string().max(2000).optional(),
    date: isoDate.optional(),
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
  })
  .refine((b) => b.text !== undefined || b.html !== undefined, { message: "body needs 'text' or 'html'" });

export const IngestBody = z.object({ records: z.array(AnalyzeBody).min(1).max(1000) });

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Loose response shapes: the fields clients rely on, others pass through. */
export const AnalysisResponse = z.looseObject({
  schema: z.literal('newsgraph.analysis/1'),
  document: z.looseObject({ id: z.string(), text: z.string() }),
  entities: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  events: z.array(z.looseObject({ id: z.string(), code: z.string() })),
});
export const PageResponse = z.looseObject({ items: z.array(z.unknown()), next: z.string().nullable() });

export const PatternQuery = z.object({ ref: z.string().min(3).max(300) });
const roleKinds = ['head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'interior_minister', 'finance_minister', 'minister', 'military_commander', 'party_leader', 'group_leader', 'org_leader', 'diplomat', 'legislator', 'judge', 'journalist', 'other'] as const;
const day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export const DictionaryBody = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add-alias'), actor: z.string().min(1).max(200), alias: z.string().min(1).max(200) }),
  z.object({
    op: z.literal('add-role'), actor: z.string().min(1).max(200), title: z.string().min(1).max(200), kind: z.enum(roleKinds),
    org: z.string().min(1).max(100), from: day.optional(), to: day.optional(),
  }),
  z.object({
    op: z.literal('add-actor'), name: z.string().min(1).max(200), type: z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC']),
    cameo: z.string().regex(/^[A-Z]{3,15}$/).optional(), alias: z.string().min(1).max(200).optional(),
  }),
]);
export const RecodeBody = z.object({ dryRun: z.boolean().default(true) });
