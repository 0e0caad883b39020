import { z } from 'zod';
import { Id } from '../http';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month YYYY-MM');

/** A summary of a unit (a sub-district for its officers, a community for its workers) for from..to (default: this half-year). */
export const SummaryQuery = z.object({ unitId: Id, from: Month.optional(), to: Month.optional() }).strict();
export const SummaryExportQuery = SummaryQuery.extend({ format: z.enum(['xlsx', 'docx']) }).strict();

const Named = { zh: z.string(), en: z.string() };
const PeriodOut = z.object({ from: Month, to: Month, ...Named });

export const SummaryFigure = z.object({
  key: z.string(),
  ...Named,
  unit: z.enum(['count', 'fen', 'minutes']),
  measureZh: z.string().optional(),
  value: z.number(),
  previous: z.number(),
});
export const SummaryRate = z.object({
  key: z.string(),
  ...Named,
  /** 0..1; absent where the base is 0 */
  value: z.number().optional(),
  previous: z.number().optional(),
});
export const SummaryLedger = z.object({
  ledger: z.string(),
  ...Named,
  /** the mini-program page listing the records behind the figures (`?communityId=&from=&to=` or `?subdistrictId=`) */
  recordsPage: z.string().optional(),
  figures: z.array(SummaryFigure),
  rates: z.array(SummaryRate),
  /** the ledger's sentences for the period, generated from its figures */
  text: z.object(Named),
});
export const WorkSummary = z.object({
  unitId: Id,
  unitName: z.string(),
  level: z.enum(['subdistrict', 'community']),
  subdistrictId: Id,
  period: PeriodOut,
  previous: PeriodOut,
  /** "和平街道2026年上半年工作总结" */
  title: z.object(Named),
  ledgers: z.array(SummaryLedger),
});
export type WorkSummary = z.infer<typeof WorkSummary>;
export type SummaryLedger = z.infer<typeof SummaryLedger>;
export type SummaryFigure = z.infer<typeof SummaryFigure>;

/** The file in the response body, base64 (as relief's export): the page saves it (h5: a download; weapp: openDocument). */
export const SummaryFile = z.object({ filename: z.string(), contentType: z.string(), content: z.string(), encoding: z.literal('base64') });
