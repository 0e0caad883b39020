import type { UserCtx } from '../../platform/context';
import { DOCX_TYPE, summaryDocx, summaryXlsx, XLSX_TYPE } from '../files';
import { workSummary } from './summary';

/**
 * The summary as a file in the response body, base64 (as relief's export; the files are a few KB, far below the API's
 * 6 MB answer): the page saves it (a download in a browser, openDocument in WeChat). No presigned URL to expire, and
 * the function needs no bucket.
 */
export async function exportSummary(ctx: UserCtx, q: { unitId: string; from?: string; to?: string; format: 'xlsx' | 'docx' }) {
  const s = await workSummary(ctx, q);
  const name = `work-summary-${s.unitId}-${s.period.from}_${s.period.to}.${q.format}`;
  const bytes = q.format === 'xlsx' ? summaryXlsx(s) : summaryDocx(s);
  return { filename: name, contentType: q.format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE, content: bytes.toString('base64'), encoding: 'base64' as const };
}
