import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BookingMode } from '@shared/elderCare/schemas'
import '../lib/messages'
import '../lib/elderCare.css'
import { ELDER } from '../lib/format'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { useApp } from '../../../state/app'
import { fmtDateTime } from '../../../lib/format'
import { elderCare, useElderCareSlots } from '../../../hooks/elderCare'

/** 订一周餐: the coming lunches, each day a tick; dine in or delivered; one tap at the bottom orders them all. */
export default function MealsPage() {
  const t = useT()
  const app = useApp()
  const p = useRouter().params
  const elderId = p.elderId || undefined
  const community = p.community || app.me?.communityId || ''
  const slots = useElderCareSlots(community, { kind: 'meal' })
  const [picked, setPicked] = useState<string[]>([])
  const [mode, setMode] = useState<BookingMode>('servicePoint')
  const [done, setDone] = useState<number>()
  const act = useAction()
  const keyFor = useAttemptKey()
  const toggle = (id: string) => setPicked((xs) => (xs.includes(id) ? xs.filter((x) => x !== id) : xs.length < 7 ? [...xs, id] : xs))

  async function order() {
    const body = { slotIds: picked, mode, elderId }
    await act.run('order', async () => {
      const r = await elderCare.orderMeals(body, keyFor(body))
      setDone(r.items.filter((i) => i.booking).length)
    })
  }

  if (done !== undefined)
    return (
      <Page title='ec.meals'>
        <Section>
          <Text className='h2 block' data-testid='ec-meals-done' {...aria({ role: 'status' })}>
            {t('ec.ordered', { n: done })}
          </Text>
        </Section>
        <View className='ec-bottom'>
          <Btn kind='primary' block onClick={() => void Taro.redirectTo({ url: `${ELDER}/bookings/index${elderId ? `?elderId=${elderId}` : ''}` })} testId='ec-go-bookings'>
            {t('ec.mine')}
          </Btn>
        </View>
      </Page>
    )

  return (
    <Page title='ec.meals'>
      <Text className='body block muted'>{t('ec.mealsHint')}</Text>
      <Section title={t('ec.pickSlot')}>
        <Async q={slots} empty={(d) => (d.items.length ? false : t('ec.noSlots'))}>
          {(d) => (
            <View {...aria({ role: 'group', 'aria-label': t('ec.pickSlot') })}>
              {d.items.map((s) => (
                <View
                  key={s.id}
                  className={`ec-slot ${picked.includes(s.id) ? 'ec-slot-on' : ''}`}
                  onClick={() => toggle(s.id)}
                  {...aria({ role: 'checkbox', tabindex: 0, 'aria-checked': picked.includes(s.id), 'data-testid': `ec-meal-${s.id}` })}
                >
                  <View>
                    <Text className='body block'>{`${picked.includes(s.id) ? '✓ ' : ''}${fmtDateTime(s.startsAt, t.lang)}`}</Text>
                    <Text className='small muted block'>{s.providerName}</Text>
                  </View>
                  {s.free > 0 ? <Tag tone='good'>{t('ec.free', { n: s.free })}</Tag> : <Tag tone='warn'>{t('ec.full')}</Tag>}
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>
      <Section title={t('ec.mode')}>
        <View className='row gap'>
          {(['servicePoint', 'home'] as const).map((m) => (
            <Chip key={m} selected={mode === m} onClick={() => setMode(m)} testId={`ec-mode-${m}`}>
              {t(`ec.mode.${m}`)}
            </Chip>
          ))}
        </View>
      </Section>
      {act.error ? <ErrorState error={act.error} /> : null}
      <View className='ec-bottom'>
        <Btn kind='primary' block onClick={order} loading={act.busy === 'order'} disabled={!picked.length} testId='ec-order-meals'>
          {t('ec.orderMeals', { n: picked.length })}
        </Btn>
      </View>
    </Page>
  )
}
