import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Booking, BookingMode, Consent, Slot } from '@shared/elderCare/schemas'
import '../lib/messages'
import '../lib/elderCare.css'
import { ELDER, serviceName, yuan } from '../lib/format'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { useApp } from '../../../state/app'
import { fmtDateTime } from '../../../lib/format'
import { elderCare, useElderCareHome, useElderCareSlots } from '../../../hooks/elderCare'

/**
 * 预约服务: pick the service, a time, how it is delivered, and book at the bottom. For myself, for an elder I am family
 * of (`elderId`), or as a worker on a resident's behalf (`elderId` and `worker=1`: their consent is recorded).
 */
export default function BookPage() {
  const t = useT()
  const app = useApp()
  const p = useRouter().params
  const elderId = p.elderId || undefined
  const worker = p.worker === '1'
  const community = p.community || app.me?.communityId || ''
  const [service, setService] = useState(p.service ?? '')
  const [slotId, setSlotId] = useState('')
  const [mode, setMode] = useState<BookingMode>()
  const [consent, setConsent] = useState<Consent['method']>()
  const [note, setNote] = useState('')
  const [done, setDone] = useState<Booking>()
  const home = useElderCareHome()
  const slots = useElderCareSlots(community)
  const act = useAction()
  const keyFor = useAttemptKey()

  const items = (home.data?.menu?.items ?? []).filter((i) => i.active && i.kind !== 'emergency')
  const item = items.find((i) => i.id === service)
  const open = (slots.data?.items ?? []).filter((s) => s.serviceId === service && s.state === 'open')
  const slot = open.find((s) => s.id === slotId)
  const modes: BookingMode[] = slot ? (slot.delivery === 'either' ? ['servicePoint', 'home'] : [slot.delivery]) : []

  async function book() {
    const body = { slotId, elderId, mode: mode ?? modes[0], consent: worker && consent ? { method: consent, note: note.trim() || undefined } : undefined }
    await act.run('book', async () => {
      setDone(await elderCare.book(body, keyFor(body)))
      void slots.reload()
    })
  }

  const title = p.name ? t('ec.bookFor', { name: decodeURIComponent(p.name) }) : undefined
  if (done)
    return (
      <Page title='ec.book'>
        <Section>
          <Text className='h2 block' data-testid='ec-book-done' {...aria({ role: 'status' })}>
            {done.status === 'waitlisted' ? t('ec.waitlisted', { n: done.position ?? 0 }) : t('ec.booked')}
          </Text>
          <Text className='body block'>{`${done.serviceName} · ${fmtDateTime(done.startsAt, t.lang)}`}</Text>
          <Text className='body block'>{t('ec.subsidyOf', { s: yuan(done.subsidyFen), p: yuan(done.payFen) })}</Text>
        </Section>
        <View className='ec-bottom'>
          <Btn kind='primary' block onClick={() => void Taro.redirectTo({ url: `${ELDER}/bookings/index${elderId ? `?elderId=${elderId}` : ''}` })} testId='ec-go-bookings'>
            {t('ec.mine')}
          </Btn>
        </View>
      </Page>
    )

  return (
    <Page title='ec.book'>
      {title ? <Text className='h2 block'>{title}</Text> : null}
      <Async q={home}>
        {() => (
          <Section title={t('ec.menu')}>
            <View className='row gap'>
              {items.map((i) => (
                <Chip key={i.id} selected={service === i.id} onClick={() => (setService(i.id), setSlotId(''))} testId={`ec-pick-${i.id}`}>
                  {serviceName(i, t.lang)}
                </Chip>
              ))}
            </View>
            {item ? <Text className='small muted block'>{t('ec.price', { p: yuan(item.priceFen) })}</Text> : null}
          </Section>
        )}
      </Async>
      {service ? (
        <Section title={t('ec.pickSlot')}>
          <Async q={slots} empty={() => (open.length ? false : t('ec.noSlots'))}>
            {() => (
              <View {...aria({ role: 'radiogroup', 'aria-label': t('ec.pickSlot') })}>
                {open.map((s: Slot) => (
                  <View
                    key={s.id}
                    className={`ec-slot ${slotId === s.id ? 'ec-slot-on' : ''}`}
                    onClick={() => setSlotId(s.id)}
                    {...aria({ role: 'radio', tabindex: 0, 'aria-checked': slotId === s.id, 'data-testid': `ec-slot-${s.id}` })}
                  >
                    <View>
                      <Text className='body block'>{fmtDateTime(s.startsAt, t.lang)}</Text>
                      <Text className='small muted block'>{`${s.providerName}${s.servicePointName ? ` · ${s.servicePointName}` : ''}`}</Text>
                      <Text className='small muted block'>{t('ec.cutoff', { t: fmtDateTime(s.cutoffAt, t.lang) })}</Text>
                    </View>
                    {s.free > 0 ? <Tag tone='good'>{t('ec.free', { n: s.free })}</Tag> : <Tag tone='warn'>{t('ec.full')}</Tag>}
                  </View>
                ))}
              </View>
            )}
          </Async>
        </Section>
      ) : null}
      {slot && modes.length > 1 ? (
        <Section title={t('ec.mode')}>
          <View className='row gap'>
            {modes.map((m) => (
              <Chip key={m} selected={(mode ?? modes[0]) === m} onClick={() => setMode(m)} testId={`ec-mode-${m}`}>
                {t(`ec.mode.${m}`)}
              </Chip>
            ))}
          </View>
        </Section>
      ) : null}
      {worker && slot ? (
        <Section title={t('ec.consent')}>
          <View className='row gap'>
            {(['inPerson', 'phone', 'signed'] as const).map((c) => (
              <Chip key={c} selected={consent === c} onClick={() => setConsent(c)} testId={`ec-consent-${c}`}>
                {t(`ec.consent.${c}`)}
              </Chip>
            ))}
          </View>
          <Field label={t('ec.consentNote')}>
            <TextInput label={t('ec.consentNote')} value={note} onInput={setNote} maxlength={100} testId='ec-consent-note' />
          </Field>
        </Section>
      ) : null}
      {act.error ? <ErrorState error={act.error} /> : null}
      <View className='ec-bottom'>
        <Btn kind='primary' block onClick={book} loading={act.busy === 'book'} disabled={!slot || (worker && !consent)} testId='ec-confirm-book'>
          {t('ec.confirmBook')}
        </Btn>
      </View>
    </Page>
  )
}
