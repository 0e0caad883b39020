import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActivityDetail, Reservation, Shift } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { api } from '../../../api/routes'
import { call, newIdempotencyKey, type ApiError } from '../../../api/client'
import { fmtDate, fmtTime } from '../../../lib/format'
import { askSubscribe } from '../../../lib/subscribe'
import { reservationState } from '../../../lib/signups'
import { scanCode, useAction } from '../lib/util'
import { signups, useActivity } from '../../../hooks/signups'

/** An activity: its shifts with their places, my sign-ups, check-in and out; the organizer's tools. */
export default function ActivityPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useActivity(id)
  // back from the edit form: show what was saved
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void q.reload()
    shown.current = true
  })
  const act = useAction()
  const [reason, setReason] = useState('')

  useShareAppMessage(() => ({ title: q.data?.activity.title ?? t('su.activity.tag'), path: `/packages/signups/activity/index?id=${id}` }))

  const publish = () => act.run('publish', async () => q.setData(await signups.publishActivity(id)))
  const cancel = () =>
    act.run('cancel', async () => {
      if (reason.trim().length < 2) throw Object.assign(new Error(t('su.cancelReasonMissing')), { messageEn: t('su.cancelReasonMissing') })
      const { confirm } = await Taro.showModal({ title: t('su.activity.cancel'), content: t('su.activity.cancelConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      q.setData(await signups.cancelActivity(id, reason.trim()))
    })

  return (
    <Page title='su.activity.title'>
      <Async q={q}>
        {(d) => (
          <>
            <Section>
              <View className='row'>
                <Tag tone={d.activity.state === 'published' ? 'good' : d.activity.state === 'draft' ? 'warn' : 'bad'}>
                  <Text data-testid='activity-state'>{t(`su.activity.state.${d.activity.state}`)}</Text>
                </Tag>
                {d.activity.elderToElder ? <Tag tone='good'>{t('su.activity.elderToElder')}</Tag> : null}
              </View>
              <Text className='h2 block' data-testid='activity-title'>
                {d.activity.title}
              </Text>
              {d.activity.description ? <Text className='body block pre'>{d.activity.description}</Text> : null}
              <View className='kv'>
                <Text className='k'>{t('su.organizer')}</Text>
                <Text className='v'>{d.activity.organizerName}</Text>
              </View>
              <Text className='small muted block'>{t('su.activity.cutoff', { n: d.activity.cancelCutoffHours })}</Text>
              {d.activity.cancelReason ? <Text className='small block'>{t('su.cancelledBecause', { reason: d.activity.cancelReason })}</Text> : null}
            </Section>

            {d.activity.shifts.map((s) => (
              <ShiftCard key={s.id} shift={s} detail={d} onChange={(mine) => q.setData({ ...d, mine: [...d.mine.filter((r) => r.placeId !== s.id), mine] })} reload={q.reload} />
            ))}

            {d.canManage && d.activity.state !== 'cancelled' ? (
              <Section title={t('su.manage')}>
                {act.error ? <ErrorState error={act.error} /> : null}
                {d.activity.state === 'draft' ? (
                  <Btn kind='primary' block loading={act.busy === 'publish'} onClick={publish} testId='activity-publish'>
                    {t('su.activity.publish')}
                  </Btn>
                ) : null}
                <Btn block onClick={() => Taro.navigateTo({ url: `/packages/signups/newActivity/index?id=${d.activity.id}` })} testId='activity-edit'>
                  {t('su.edit.open')}
                </Btn>
                <Field label={t('su.cancelReason')}>
                  <TextInput label={t('su.cancelReason')} value={reason} onInput={setReason} testId='activity-cancel-reason' maxlength={200} />
                </Field>
                <Btn kind='danger' block loading={act.busy === 'cancel'} onClick={cancel} testId='activity-cancel'>
                  {t('su.activity.cancel')}
                </Btn>
              </Section>
            ) : null}
          </>
        )}
      </Async>
    </Page>
  )
}

function ShiftCard({ shift, detail, onChange, reload }: { shift: Shift; detail: ActivityDetail; onChange: (r: Reservation) => void; reload: () => Promise<void> }) {
  const t = useT()
  const app = useApp()
  const act = useAction()
  const [code, setCode] = useState('')
  const [key] = useState(newIdempotencyKey)
  const a = detail.availability[shift.id]
  const mine = detail.mine.find((r) => r.placeId === shift.id && r.status !== 'cancelled')
  // the server decides whether it is too late (its clock, the cut-off); the page only hides what cannot apply
  const open = detail.activity.state === 'published'
  const notVolunteer = (act.error as Partial<ApiError> | undefined)?.code === 'NOT_A_VOLUNTEER'

  const signUp = () =>
    act.run('signup', async () => {
      const r = await signups.signUp(shift.id, key)
      onChange(r)
      void reload()
      void Taro.showToast({ title: r.status === 'confirmed' ? t('su.signedUp') : t('su.waitlisted'), icon: 'none' })
      await askSubscribe(app.config?.templates, ['signupPromoted', 'hoursConfirmed'])
    })
  const cancel = () =>
    act.run('cancel', async () => {
      const { confirm } = await Taro.showModal({ title: t('su.giveBack'), content: t('su.giveBackConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      onChange(await signups.cancelSignup(shift.id))
      void reload()
    })
  const scan = (what: 'in' | 'out') =>
    act.run(what, async () => {
      const token = isH5 ? code.trim() : await scanCode()
      if (!token) return
      const endpoint = what === 'in' ? api.signups.checkIn : api.signups.checkOut
      onChange(await call(endpoint, { params: { shiftId: shift.id }, body: { token } }))
      setCode('')
      void Taro.showToast({ title: what === 'in' ? t('su.checkedIn') : t('su.checkedOut'), icon: 'success' })
    })

  const state = mine ? reservationState(mine) : undefined
  return (
    <View className='card' data-testid={`shift-${shift.id}`}>
      <View className='row'>
        <Tag tone='neutral'>{t('su.activity.shift')}</Tag>
        {state && mine ? (
          <Tag tone={state.tone}>
            <Text data-testid={`shift-status-${shift.id}`}>{mine.status === 'waitlisted' ? t('su.status.waitlistedAt', { n: mine.position ?? '' }) : t(state.key)}</Text>
          </Tag>
        ) : null}
      </View>
      <Text className='card-title'>{`${fmtDate(shift.startsAt, t.lang)} ${fmtTime(shift.startsAt)}–${fmtTime(shift.endsAt)}`}</Text>
      <View className='kv'>
        <Text className='k'>{t('su.place')}</Text>
        <Text className='v'>{shift.place}</Text>
      </View>
      {shift.requirements ? (
        <View className='kv'>
          <Text className='k'>{t('su.requirements')}</Text>
          <Text className='v'>{shift.requirements}</Text>
        </View>
      ) : null}
      {a ? <Text className='small block' data-testid={`shift-places-${shift.id}`}>{t('su.places', { taken: a.taken, capacity: a.capacity, free: a.free, waiting: a.waiting })}</Text> : null}
      {act.error ? <ErrorState error={act.error} /> : null}
      {notVolunteer ? (
        <Btn block onClick={() => Taro.navigateTo({ url: '/packages/signups/register/index' })} testId='shift-go-register'>
          {t('su.vol.register')}
        </Btn>
      ) : null}
      <View className='row gap'>
        {!mine && open ? (
          <Btn kind='primary' loading={act.busy === 'signup'} onClick={signUp} testId={`shift-signup-${shift.id}`}>
            {a && a.free < 1 ? t('su.joinWaitlist') : t('su.signUp')}
          </Btn>
        ) : null}
        {mine && !mine.checkedInAt && open ? (
          <Btn loading={act.busy === 'cancel'} onClick={cancel} testId={`shift-cancel-${shift.id}`}>
            {mine.status === 'waitlisted' ? t('su.leaveWaitlist') : t('su.giveBack')}
          </Btn>
        ) : null}
      </View>
      {mine && mine.status === 'confirmed' && !mine.checkedOutAt && detail.activity.state === 'published' ? (
        <View>
          {isH5 ? (
            <Field label={t('su.typeCode')} hint={t('su.typeCodeHint')}>
              <TextInput label={t('su.typeCode')} value={code} onInput={setCode} testId={`shift-code-${shift.id}`} maxlength={300} />
            </Field>
          ) : null}
          {!mine.checkedInAt ? (
            <Btn kind='primary' block loading={act.busy === 'in'} onClick={() => scan('in')} testId={`shift-checkin-${shift.id}`}>
              {isH5 ? t('su.checkIn') : t('su.scanCheckIn')}
            </Btn>
          ) : (
            <Btn kind='primary' block loading={act.busy === 'out'} onClick={() => scan('out')} testId={`shift-checkout-${shift.id}`}>
              {isH5 ? t('su.checkOut') : t('su.scanCheckOut')}
            </Btn>
          )}
        </View>
      ) : null}
      {detail.canManage ? (
        <View className='row gap'>
          <Btn small onClick={() => Taro.navigateTo({ url: `/packages/signups/roster/index?shiftId=${shift.id}` })} testId={`shift-roster-${shift.id}`}>
            {t('su.roster.title')}
          </Btn>
          {detail.activity.state === 'published' ? (
            <Btn small onClick={() => Taro.navigateTo({ url: `/packages/signups/qr/index?shiftId=${shift.id}` })} testId={`shift-qr-${shift.id}`}>
              {t('su.qr.title')}
            </Btn>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
