import { endpoint } from '../http';
import { SummaryExportQuery, SummaryFile, SummaryQuery, WorkSummary } from './schemas';

/** 工作总结: registered in shared/api.ts as `workSummary`; the workSummary function imports only this. */
export const workSummaryApi = {
  get: endpoint({
    method: 'GET',
    path: '/work-summary',
    summary: "A unit's work summary for a period (default: this half-year): every ledger's figures and rates, the previous period's beside them, and the generated sentences",
    query: SummaryQuery,
    response: WorkSummary,
  }),
  export: endpoint({
    method: 'GET',
    path: '/work-summary/export',
    summary: 'The same summary as a file in the body (base64): xlsx (every figure: this period, previous, change) or docx (the report: a title, a section per ledger)',
    query: SummaryExportQuery,
    response: SummaryFile,
  }),
};
