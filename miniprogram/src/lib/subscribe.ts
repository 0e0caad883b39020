import Taro from '@tarojs/taro'
import type { TemplateKey } from '@shared/notifications/schemas'
import { api } from '../api/routes'
import { call } from '../api/client'

/**
 * Ask for a one-time subscribe message right after the tap it belongs to, and tell the backend what was answered
 * (it counts one send per 'accept'). Only WeChat has subscribe messages; h5 answers undefined.
 */
export async function askSubscribe(templates: Record<string, string> | undefined, keys: TemplateKey[]): Promise<'accept' | 'other' | undefined> {
  if (process.env.TARO_ENV !== 'weapp' || !templates) return undefined
  const ids = keys.map((k) => templates[k]).filter((id): id is string => !!id)
  if (!ids.length) return undefined
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    const results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'> = {}
    for (const id of ids) {
      const v = res[id]
      if (v === 'accept' || v === 'reject' || v === 'ban' || v === 'filter') results[id] = v
    }
    if (Object.keys(results).length) await call(api.notifications.reportSubscriptions, { body: { results } })
    return Object.values(results).includes('accept') ? 'accept' : 'other'
  } catch {
    return 'other'
  }
}
