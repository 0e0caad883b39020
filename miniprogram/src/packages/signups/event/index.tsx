import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { newIdempotencyKey } from '../../../api/client'
import { fmtDate, fmtTime } from '../../../lib/format'
import { askSubscribe } from '../../../lib/subscribe'
import { reservationState } from '../../../lib/signups'
import { QrImage, useAction } from '../lib/util'
import { signups, useEvent } from '../../../hooks/signups'

/** A cultural event: poster, what, where, when, places; register with companions, the ticket, cancel, share. */
export default function EventPage() {
  const t = useT()
  const app = useApp()
  const id = useRouter().params.id as string
  const q = useEvent(id)
  // back from the edit form: show what was saved
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void q.reload()
    shown.current = true
  })
  const act = useAction()
  const [companions, setCompanions] = useState(0)
  const [birth, setBirth] = useState('')
  const [reason, setReason] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)
  const [note, setNote] = useState<string>()

  useShareAppMessage(() => ({ title: q.data?.event.title ?? t('su.event.tag'), path: `/packages/signups/event/index?id=${id}` }))

  const register = () =>
    act.run('register', async () => {
      const r = await signups.register(id, { companions, birthDate: birth.trim() || undefined }, key)
      await q.reload()
      setNote(r.status === 'confirmed' ? t('su.event.registered') : t('su.event.waitlisted', { n: r.position ?? '' }))
      // right after the tap it belongs to: the reminder the day before, and the news of a place from the waitlist
      const answer = await askSubscribe(app.config?.templates, ['eventReminder', 'signupPromoted'])
      if (answer === 'accept') setNote((n) => `${n ?? ''} ${t('subscribe.accepted')}`)
    })
  const cancel = () =>
    act.run('cancel', async () => {
      const { confirm } = await Taro.showModal({ title: t('su.giveBack'), content: t('su.giveBackConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      await signups.cancelRegistration(id)
      setKey(newIdempotencyKey())
      setNote(t('su.event.cancelledMine'))
      await q.reload()
    })
  const cancelEvent = () =>
    act.run('cancelEvent', async () => {
      if (reason.trim().length < 2) throw Object.assign(new Error(t('su.cancelReasonMissing')), { messageEn: t('su.cancelReasonMissing') })
      const { confirm } = await Taro.showModal({ title: t('su.event.cancel'), content: t('su.event.cancelConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      q.setData(await signups.cancelEvent(id, reason.trim()))
    })

  return (
    <Page title='su.event.title'>
      <Async q={q}>
        {({ event: e, availability: a, mine, canManage }) => {
          const live = mine && mine.status !== 'cancelled' ? mine : undefined
          const state = live ? reservationState(live) : undefined
          const ageBand = e.minAge !== undefined || e.maxAge !== undefined
          return (
            <>
              <Section>
                {e.posterUrl ? <Image className='poster' src={e.posterUrl} mode='aspectFill' {...({ nativeProps: { alt: t('su.event.poster', { title: e.title }) } } as object)} /> : null}
                <View className='row'>
                  <Tag tone={e.state === 'cancelled' ? 'bad' : 'brand'}>{e.state === 'cancelled' ? t('su.event.cancelled') : t('su.event.tag')}</Tag>
                  {a.free < 1 && e.state !== 'cancelled' ? <Tag tone='warn'>{t('su.full')}</Tag> : null}
                </View>
                <Text className='h2 block' data-testid='event-title'>
                  {e.title}
                </Text>
                {e.description ? <Text className='body block pre'>{e.description}</Text> : null}
                <View className='kv'>
                  <Text className='k'>{t('su.time')}</Text>
                  <Text className='v'>{`${fmtDate(e.startsAt, t.lang)} ${fmtTime(e.startsAt)}–${fmtTime(e.endsAt)}`}</Text>
                </View>
                <View className='kv'>
                  <Text className='k'>{t('su.place')}</Text>
                  <Text className='v'>{e.place}</Text>
                </View>
                <View className='kv'>
                  <Text className='k'>{t('su.capacity')}</Text>
                  <Text className='v' data-testid='event-places'>
                    {t('su.places', { taken: a.taken, capacity: a.capacity, free: a.free, waiting: a.waiting })}
                  </Text>
                </View>
                {ageBand ? (
                  <View className='kv'>
                    <Text className='k'>{t('su.event.audience')}</Text>
                    <Text className='v'>{t('su.event.ages', { min: e.minAge ?? 0, max: e.maxAge ?? '' })}</Text>
                  </View>
                ) : null}
                <View className='kv'>
                  <Text className='k'>{t('su.organizer')}</Text>
                  <Text className='v'>{e.organizerName}</Text>
                </View>
                <Text className='small muted block'>{t('su.event.cutoff', { n: e.cancelCutoffHours })}</Text>
                {e.cancelReason ? <Text className='small block'>{t('su.cancelledBecause', { reason: e.cancelReason })}</Text> : null}
              </Section>

              <Section title={t('su.event.mine')}>
                {note ? (
                  <Text className='body block' {...aria({ role: 'status' })} data-testid='event-note'>
                    {note}
                  </Text>
                ) : null}
                {act.error ? <ErrorState error={act.error} /> : null}
                {live && state ? (
                  <View>
                    <Tag tone={state.tone}>
                      <Text data-testid='event-status'>{live.status === 'waitlisted' ? t('su.status.waitlistedAt', { n: live.position ?? '' }) : t(state.key)}</Text>
                    </Tag>
                    {live.companions ? <Text className='small block'>{t('su.event.withCompanions', { n: live.companions })}</Text> : null}
                    {live.ticket ? (
                      <View>
                        <Text className='body block'>{t('su.event.showTicket')}</Text>
                        <QrImage text={live.ticket} label={t('su.event.ticket')} testId='event-ticket' />
                      </View>
                    ) : null}
                    {!live.checkedInAt && e.state !== 'cancelled' ? (
                      <Btn block loading={act.busy === 'cancel'} onClick={cancel} testId='event-cancel'>
                        {live.status === 'waitlisted' ? t('su.leaveWaitlist') : t('su.giveBack')}
                      </Btn>
                    ) : null}
                  </View>
                ) : e.state === 'published' ? (
                  <View>
                    {e.maxCompanions > 0 ? (
                      <Field label={t('su.event.companions')}>
                        <View className='row'>
                          {Array.from({ length: e.maxCompanions + 1 }, (_, n) => (
                            <Chip key={n} selected={companions === n} onClick={() => setCompanions(n)} testId={`event-companions-${n}`}>
                              {t('su.event.companionsN', { n })}
                            </Chip>
                          ))}
                        </View>
                      </Field>
                    ) : null}
                    {ageBand ? (
                      <Field label={t('su.reg.birth')} hint={t('su.reg.birthHint')}>
                        <TextInput label={t('su.reg.birth')} value={birth} onInput={setBirth} testId='event-birth' placeholder='1960-05-01' maxlength={10} />
                      </Field>
                    ) : null}
                    <Btn kind='primary' block loading={act.busy === 'register'} onClick={register} testId='event-register'>
                      {a.free < 1 + companions ? t('su.joinWaitlist') : t('su.event.register')}
                    </Btn>
                  </View>
                ) : (
                  <Text className='body muted block'>{t('su.event.closed')}</Text>
                )}
              </Section>

              {canManage && e.state !== 'cancelled' ? (
                <Section title={t('su.manage')}>
                  <Btn kind='primary' block onClick={() => Taro.navigateTo({ url: `/packages/signups/door/index?eventId=${id}` })} testId='event-door'>
                    {t('su.door.title')}
                  </Btn>
                  {Date.parse(e.startsAt) > Date.now() ? (
                    <Btn block onClick={() => Taro.navigateTo({ url: `/packages/signups/newEvent/index?id=${id}` })} testId='event-edit'>
                      {t('su.edit.open')}
                    </Btn>
                  ) : null}
                  <Field label={t('su.cancelReason')}>
                    <TextInput label={t('su.cancelReason')} value={reason} onInput={setReason} testId='event-cancel-reason' maxlength={200} />
                  </Field>
                  <Btn kind='danger' block loading={act.busy === 'cancelEvent'} onClick={cancelEvent} testId='event-cancel-event'>
                    {t('su.event.cancel')}
                  </Btn>
                </Section>
              ) : null}
            </>
          )
        }}
      </Async>
    </Page>
  )
}
