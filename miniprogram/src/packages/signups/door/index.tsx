import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { fmtTime } from '../../../lib/format'
import { reservationState } from '../../../lib/signups'
import { scanCode, useAction } from '../lib/util'
import { signups, useAttendance } from '../../../hooks/signups'

/** At the door: scan (or type) a ticket to check it in; who registered, who waits, who came. */
export default function DoorPage() {
  const t = useT()
  const eventId = useRouter().params.eventId as string
  const q = useAttendance(eventId)
  const [ticket, setTicket] = useState('')
  const [note, setNote] = useState<string>()
  const act = useAction()

  const check = () =>
    act.run('check', async () => {
      setNote(undefined)
      const code = isH5 ? ticket.trim() : await scanCode()
      if (!code) return
      const r = await signups.checkInTicket(eventId, code)
      setTicket('')
      setNote(t('su.door.welcome', { name: r.displayName, n: r.seats }))
      void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
      await q.reload()
    })

  return (
    <Page title='su.door.title'>
      <Section>
        {isH5 ? (
          <Field label={t('su.door.ticket')} hint={t('su.typeCodeHint')}>
            <TextInput label={t('su.door.ticket')} value={ticket} onInput={setTicket} testId='door-ticket' maxlength={300} />
          </Field>
        ) : null}
        <Btn kind='primary' block loading={act.busy === 'check'} onClick={check} testId='door-checkin'>
          {isH5 ? t('su.door.check') : t('su.door.scan')}
        </Btn>
        {note ? (
          <Text className='body block' {...aria({ role: 'status' })} data-testid='door-note'>
            {`✓ ${note}`}
          </Text>
        ) : null}
        {act.error ? <ErrorState error={act.error} /> : null}
      </Section>
      <Async q={q}>
        {(d) => (
          <Section title={t('su.door.attendance')}>
            <Text className='body block' data-testid='door-count'>
              {t('su.door.count', { n: d.checkedIn, seats: d.checkedInSeats, taken: d.availability.taken })}
            </Text>
            <Text className='small block'>{t('su.places', { taken: d.availability.taken, capacity: d.availability.capacity, free: d.availability.free, waiting: d.availability.waiting })}</Text>
            <View data-testid='door-list'>
              {d.items
                .filter((r) => r.status !== 'cancelled')
                .map((r) => {
                  const s = reservationState(r)
                  return (
                    <View key={r.userId} className='kv' data-testid={`door-${r.userId}`}>
                      <Text className='k'>{r.displayName}</Text>
                      <View className='v'>
                        <Tag tone={s.tone}>{r.status === 'waitlisted' ? t('su.status.waitlistedAt', { n: r.position ?? '' }) : t(s.key)}</Tag>
                        <Text className='small'>{`${t('su.event.seats', { n: r.seats })}${r.checkedInAt ? ` · ${fmtTime(r.checkedInAt)}` : ''}`}</Text>
                      </View>
                    </View>
                  )
                })}
            </View>
          </Section>
        )}
      </Async>
    </Page>
  )
}
