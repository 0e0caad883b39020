import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HelpRequest } from '@shared/signups/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { newIdempotencyKey } from '../../../api/client'
import { fmtDateTime } from '../../../lib/format'
import { homeCommunityId } from '../../../lib/roles'
import { hoursOf } from '../../../lib/signups'
import { chinaInstant, useAction } from '../lib/util'
import { signups } from '../../../hooks/signups'

const services = ['companionship', 'meal', 'cleaning', 'mobility', 'medical', 'bath', 'emergency'] as const
const stateTone = { open: 'brand', taken: 'warn', done: 'good', cancelled: 'neutral' } as const

/** The time bank: my balance and its movements; help requests of my community to take; asking for help. */
export default function TimeBankPage() {
  const t = useT()
  const { me } = useApp()
  const communityId = homeCommunityId(me)
  const bank = useQuery(() => signups.myTimeBank(), [])
  // a week's requests of one community, sorted and updated in place: every page
  const reqs = useQuery(async () => ({ items: await signups.communityHelpRequests(communityId!) }), [communityId], !!communityId)
  const act = useAction()
  const [asking, setAsking] = useState(false)
  const [service, setService] = useState<(typeof services)[number]>('companionship')
  const [text, setText] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('09:00')
  const [minutes, setMinutes] = useState('60')
  const [birth, setBirth] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)

  const replace = (r: HelpRequest) => reqs.data && reqs.setData({ items: reqs.data.items.map((x) => (x.id === r.id ? r : x)) })
  const take = (r: HelpRequest) => act.run(`take-${r.id}`, async () => replace(await signups.takeHelpRequest(r.id)))
  const complete = (r: HelpRequest) =>
    act.run(`done-${r.id}`, async () => {
      replace(await signups.completeHelpRequest(r.id, { minutes: r.minutes }))
      void bank.reload()
    })
  const ask = () =>
    act.run('ask', async () => {
      const at = chinaInstant(date, time)
      const m = Number.parseInt(minutes, 10)
      if (!at || !Number.isFinite(m) || !/^\d{4}-\d{2}-\d{2}$/.test(birth.trim()) || text.trim().length < 2) throw Object.assign(new Error(t('su.formInvalid')), { messageEn: t('su.formInvalid') })
      const r = await signups.createHelpRequest({ communityId: communityId!, birthDate: birth.trim(), service, description: text.trim(), at, minutes: m }, key)
      reqs.setData({ items: [r, ...(reqs.data?.items ?? [])] })
      setKey(newIdempotencyKey())
      setAsking(false)
      void Taro.showToast({ title: t('su.bank.asked'), icon: 'success' })
    })

  return (
    <Page title='su.bank.title'>
      <Section>
        <Async q={bank}>
          {(b) => (
            <>
              <Text className='h2 block' data-testid='tb-balance'>
                {t('su.bank.balance', { h: hoursOf(b.balanceMinutes) })}
              </Text>
              <Text className='small muted block'>{t('su.bank.explain')}</Text>
              {b.entries.map((e) => (
                <View key={e.id} className='kv'>
                  <Text className='k'>{fmtDateTime(e.at, t.lang)}</Text>
                  <Text className='v'>{`${e.minutes > 0 ? '+' : '−'}${hoursOf(Math.abs(e.minutes))} · ${t(`su.bank.kind.${e.kind}`)} · ${e.reason}`}</Text>
                </View>
              ))}
            </>
          )}
        </Async>
      </Section>

      <Section title={t('su.bank.requests')}>
        {act.error ? <ErrorState error={act.error} /> : null}
        {!communityId ? (
          <Empty text={t('su.needBinding')} />
        ) : (
          <Async q={reqs} empty={(d) => (d.items.length ? false : t('su.bank.noRequests'))}>
            {(d) => (
              <View data-testid='tb-requests'>
                {d.items.map((r) => (
                  <View key={r.id} className='card' data-testid={`tb-request-${r.id}`}>
                    <View className='row'>
                      <Tag tone='neutral'>{t(`su.service.${r.service}`)}</Tag>
                      <Tag tone={stateTone[r.state]}>{t(`su.bank.state.${r.state}`)}</Tag>
                    </View>
                    <Text className='card-title'>{r.description}</Text>
                    <Text className='small block'>{`${r.requesterName} · ${fmtDateTime(r.at, t.lang)} · ${t('su.hours.hours', { h: hoursOf(r.minutes) })}`}</Text>
                    {r.helperName ? <Text className='small muted block'>{t('su.bank.helper', { name: r.helperName })}</Text> : null}
                    {r.state === 'open' && r.requesterId !== me?.id ? (
                      <Btn kind='primary' loading={act.busy === `take-${r.id}`} onClick={() => take(r)} testId={`tb-take-${r.id}`}>
                        {t('su.bank.take')}
                      </Btn>
                    ) : null}
                    {r.state === 'taken' && (r.requesterId === me?.id || r.createdBy === me?.id) ? (
                      <Btn kind='primary' loading={act.busy === `done-${r.id}`} onClick={() => complete(r)} testId={`tb-complete-${r.id}`}>
                        {t('su.bank.complete')}
                      </Btn>
                    ) : null}
                  </View>
                ))}
              </View>
            )}
          </Async>
        )}
      </Section>

      {communityId ? (
        <Section title={t('su.bank.ask')}>
          {!asking ? (
            <Btn block onClick={() => setAsking(true)} testId='tb-ask-open'>
              {t('su.bank.askOpen')}
            </Btn>
          ) : (
            <View>
              <Field label={t('su.bank.service')}>
                <View className='row'>
                  {services.map((s) => (
                    <Chip key={s} selected={service === s} onClick={() => setService(s)} testId={`tb-service-${s}`}>
                      {t(`su.service.${s}`)}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Field label={t('su.bank.what')}>
                <TextArea label={t('su.bank.what')} value={text} onInput={setText} testId='tb-text' maxlength={500} />
              </Field>
              <Field label={t('su.date')} hint='2026-12-20'>
                <TextInput label={t('su.date')} value={date} onInput={setDate} testId='tb-date' maxlength={10} />
              </Field>
              <Field label={t('su.startTime')}>
                <TextInput label={t('su.startTime')} value={time} onInput={setTime} testId='tb-time' maxlength={5} />
              </Field>
              <Field label={t('su.bank.minutes')}>
                <TextInput label={t('su.bank.minutes')} type='number' value={minutes} onInput={setMinutes} testId='tb-minutes' maxlength={3} />
              </Field>
              <Field label={t('su.reg.birth')} hint={t('su.bank.birthHint')}>
                <TextInput label={t('su.reg.birth')} value={birth} onInput={setBirth} testId='tb-birth' placeholder='1945-03-01' maxlength={10} />
              </Field>
              <Btn kind='primary' block loading={act.busy === 'ask'} onClick={ask} testId='tb-ask'>
                {t('su.bank.askSend')}
              </Btn>
            </View>
          )}
        </Section>
      ) : null}
    </Page>
  )
}
