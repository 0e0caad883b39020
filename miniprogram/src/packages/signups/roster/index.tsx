import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Reservation } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { fmtTime } from '../../../lib/format'
import { hoursOf, reservationState } from '../../../lib/signups'
import { useAction } from '../lib/util'
import { signups, useShiftRoster } from '../../../hooks/signups'

/** A shift's roster: who is signed up, who waits, who came; the organizer confirms (or adjusts, with a reason) the hours. */
export default function RosterPage() {
  const t = useT()
  const shiftId = useRouter().params.shiftId as string
  const q = useShiftRoster(shiftId)

  return (
    <Page title='su.roster.title'>
      <Async q={q}>
        {(d) => (
          <>
            <Section>
              <Text className='body block' data-testid='roster-places'>
                {t('su.places', { taken: d.availability.taken, capacity: d.availability.capacity, free: d.availability.free, waiting: d.availability.waiting })}
              </Text>
              <Text className='small block'>{t('su.roster.came', { n: d.items.filter((r) => r.checkedInAt).length })}</Text>
              <Btn block onClick={() => Taro.navigateTo({ url: `/packages/signups/qr/index?shiftId=${shiftId}` })} testId='roster-qr'>
                {t('su.qr.title')}
              </Btn>
            </Section>
            {d.items.length === 0 ? <Text className='body muted block'>{t('su.roster.empty')}</Text> : null}
            <View data-testid='roster-list'>
              {d.items.map((r) => (
                <RosterRow key={r.userId} r={r} shiftId={shiftId} onDone={(x) => q.setData({ ...d, items: d.items.map((y) => (y.userId === x.userId ? x : y)) })} />
              ))}
            </View>
          </>
        )}
      </Async>
    </Page>
  )
}

function RosterRow({ r, shiftId, onDone }: { r: Reservation; shiftId: string; onDone: (r: Reservation) => void }) {
  const t = useT()
  const act = useAction()
  const [minutes, setMinutes] = useState(String(r.claimedMinutes ?? ''))
  const [reason, setReason] = useState('')
  const s = reservationState(r)

  const confirm = () =>
    act.run('confirm', async () => {
      const m = Number.parseInt(minutes, 10)
      if (!(m >= 0)) throw Object.assign(new Error(t('su.formInvalid')), { messageEn: t('su.formInvalid') })
      const entry = await signups.confirmHours(shiftId, r.userId, { minutes: m, reason: reason.trim() || undefined })
      onDone({ ...r, hoursStatus: 'confirmed', confirmedMinutes: entry.minutes })
    })

  return (
    <View className='card' data-testid={`roster-${r.userId}`}>
      <View className='row'>
        <Tag tone={s.tone}>{r.status === 'waitlisted' ? t('su.status.waitlistedAt', { n: r.position ?? '' }) : t(s.key)}</Tag>
        {r.hoursStatus === 'confirmed' ? <Tag tone='good'>{t('su.hours.confirmed')}</Tag> : null}
      </View>
      <Text className='card-title'>{r.displayName}</Text>
      {r.checkedInAt ? (
        <Text className='small block'>{`${t('su.checkedIn')} ${fmtTime(r.checkedInAt)}${r.checkedOutAt ? ` · ${t('su.checkedOut')} ${fmtTime(r.checkedOutAt)}` : ''}`}</Text>
      ) : null}
      {r.claimedMinutes !== undefined ? <Text className='small block'>{t('su.roster.claimed', { h: hoursOf(r.claimedMinutes) })}</Text> : null}
      {r.hoursStatus === 'confirmed' && r.confirmedMinutes !== undefined ? <Text className='small block'>{t('su.roster.confirmedH', { h: hoursOf(r.confirmedMinutes) })}</Text> : null}
      {r.checkedInAt && r.hoursStatus !== 'confirmed' ? (
        <View>
          <Field label={t('su.roster.minutes')}>
            <TextInput label={t('su.roster.minutes')} type='number' value={minutes} onInput={setMinutes} testId={`hours-minutes-${r.userId}`} maxlength={4} />
          </Field>
          <Field label={t('su.roster.reason')} hint={t('su.roster.reasonHint')}>
            <TextInput label={t('su.roster.reason')} value={reason} onInput={setReason} testId={`hours-reason-${r.userId}`} maxlength={200} />
          </Field>
          {act.error ? <ErrorState error={act.error} /> : null}
          <Btn kind='primary' block loading={act.busy === 'confirm'} onClick={confirm} testId={`hours-confirm-${r.userId}`}>
            {t('su.roster.confirm')}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
