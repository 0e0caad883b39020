import { api } from '../api/routes'
import { call } from '../api/client'
import type { Body } from './domain'
import { useQuery } from './useQuery'

/** My privacy (个人信息保护): the policy I accepted, my data export, my consents, closing my account. */
export const privacy = {
  accept: (version: string) => call(api.privacy.accept, { body: { version } }),
  startExport: () => call(api.privacy.startExport, {}),
  withdrawConsent: (body: Body<'privacy', 'withdrawConsent'>) => call(api.privacy.withdrawConsent, { body }),
  close: (body: Body<'privacy', 'close'>) => call(api.privacy.close, { body }),
}

/** The policy in force and the version I accepted. */
export function usePrivacyState() {
  return useQuery(() => call(api.privacy.state, {}), [])
}

/** My last data export, if any. */
export function useDataExport() {
  return useQuery(() => call(api.privacy.export, {}), [])
}

/** The consents I gave (and may withdraw). */
export function useConsents() {
  return useQuery(() => call(api.privacy.consents, {}), [])
}
