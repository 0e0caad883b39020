import { z } from 'zod';
import { endpoint } from '../http';
import { AcceptPolicyInput, CloseAccountInput, Closed, ConsentEntry, ExportState, PrivacyState, RetentionRow, WithdrawConsentInput } from './schemas';

/** 个人信息与隐私: registered in shared/api.ts as `privacy`; the privacy function imports only this. */
export const privacyApi = {
  state: endpoint({ method: 'GET', path: '/me/privacy', summary: 'The privacy policy, the version I accepted, and whether I must accept a newer one', response: PrivacyState }),
  accept: endpoint({ method: 'POST', path: '/me/privacy/accept', summary: 'Accept the current privacy policy', body: AcceptPolicyInput, response: PrivacyState }),
  startExport: endpoint({ method: 'POST', path: '/me/data-export', summary: 'Start gathering everything held about me into a download', response: ExportState, status: 202, idempotent: true, limit: 'dataExport' }),
  export: endpoint({ method: 'GET', path: '/me/data-export', summary: 'My data download: its state and, when ready, short-lived URLs', response: ExportState }),
  consents: endpoint({ method: 'GET', path: '/me/consents', summary: 'The consents I gave and what withdrawing each means', response: z.object({ items: z.array(ConsentEntry) }) }),
  withdrawConsent: endpoint({ method: 'POST', path: '/me/consents/withdraw', summary: 'Withdraw a consent (recorded with its time; what depends on it changes state)', body: WithdrawConsentInput, response: ConsentEntry }),
  close: endpoint({ method: 'POST', path: '/me/close', summary: 'Close my account: every sign-in ends, profile and bindings go, kept records are pseudonymised', body: CloseAccountInput, response: Closed }),
  retention: endpoint({ method: 'GET', path: '/privacy/retention', summary: 'How long each kind of record is kept', auth: 'public', response: z.object({ items: z.array(RetentionRow) }) }),
};
