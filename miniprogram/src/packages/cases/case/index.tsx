import '../lib/messages'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { CaseActionInput, PartyInput } from '@shared/cases/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { chinaDateTime } from '@shared/platform/chinaTime'
import { chinaToday, kindNames, requireKindDef } from '../lib/cases'
import { cases, useCase } from '../../../hooks/cases'

const satisfactions = ['satisfied', 'partly', 'notSatisfied'] as const

/**
 * 案件详情: what the case is, where it stands (overdue and backlog in words, not colour alone), its parties masked (the
 * full ones on request, audited), its history; and the step the reader may take now, with what that step needs
 * (a note, a day, an outcome, a reply, the caller's satisfaction, photos), all read from the kind's declaration.
 */
export default function CasePage() {
  const t = useT()
  const { me } = useApp()
  const id = useRouter().params.id as string
  const q = useCase(id)
  const [action, setAction] = useState<string>()
  const [note, setNote] = useState('')
  const [on, setOn] = useState(chinaToday())
  const [outcome, setOutcome] = useState<string>()
  const [reply, setReply] = useState('')
  const [satisfaction, setSatisfaction] = useState<(typeof satisfactions)[number]>()
  const [followUpOn, setFollowUpOn] = useState('')
  const [revealed, setRevealed] = useState<PartyInput[]>()
  const [saved, setSaved] = useState(false)
  const ph = usePhotos(9)
  const act = useAction()

  return (
    <Page title='cs.caseTitle'>
      <Async q={q}>
        {(c) => {
          const def = requireKindDef(c.kind)
          const names = kindNames(c.kind, t.lang)
          const a = def?.actions.find((x) => x.action === action)
          const submit = () =>
            act.run('act', async () => {
              if (!a) return
              if (a.needsNote && !note.trim()) throw { message: t('cs.needNote'), messageEn: t('cs.needNote') }
              const body: CaseActionInput = {
                action: a.action,
                version: c.version,
                ...(note.trim() ? { note: note.trim() } : {}),
                ...(a.needsDate ? { on } : {}),
                ...(a.needsOutcome && outcome ? { outcome } : {}),
                ...(a.needsReply ? { reply: reply.trim() } : {}),
                ...(a.needsSatisfaction && satisfaction ? { satisfaction } : {}),
                ...(a.setsHandler ? { handlerId: me!.id } : {}),
                ...(a.setsFollowUp && followUpOn.trim() ? { followUpOn: followUpOn.trim() } : {}),
                ...(ph.keys.length ? { photos: ph.keys } : {}),
              }
              q.setData(await cases.act(c.id, body))
              setAction(undefined)
              setNote('')
              setReply('')
              setSaved(true)
            })
          const reveal = () => act.run('reveal', async () => setRevealed((await cases.revealParties(c.id)).parties))
          return (
            <>
              <Section title={c.title}>
                <View className='row wrap'>
                  <Tag tone='brand'>{names.kind}</Tag>
                  <Tag>{names.category(c.category)}</Tag>
                  <Tag tone={c.open ? 'warn' : 'good'}>
                    <Text data-testid='cs-state'>{names.state(c.state)}</Text>
                  </Tag>
                  {c.overdue ? <Tag tone='bad'>{t('cs.overdue')}</Tag> : null}
                  {c.backlog ? <Tag tone='bad'>{t('cs.backlog')}</Tag> : null}
                </View>
                {c.ticketNo ? <Text className='body block'>{`${t('cs.ticketNo')}：${c.ticketNo}`}</Text> : null}
                {c.source ? <Text className='body block'>{`${t('cs.source')}：${t(`cs.source.${c.source}`)}`}</Text> : null}
                {c.place ? <Text className='body block'>{`${t('cs.place')}：${c.place.text}`}</Text> : null}
                {c.description ? <Text className='body block'>{c.description}</Text> : null}
                {c.deadlineAt ? <Text className='body block'>{`${t('cs.deadline')}：${chinaDateTime(c.deadlineAt)}`}</Text> : null}
                {c.stepDeadlineAt ? <Text className='body block'>{`${t('cs.stepDeadline')}：${chinaDateTime(c.stepDeadlineAt)}`}</Text> : null}
                <Text className='body block'>{`${t('cs.handler')}：${c.handlerName ?? t('cs.noHandler')}`}</Text>
                {c.kind === 'mediation' ? <Text className='body block'>{t('cs.sessions', { n: c.sessions })}</Text> : null}
                {c.outcome ? <Text className='body block' data-testid='cs-outcome'>{`${t('cs.outcome')}：${names.outcome(c.outcome)}`}</Text> : null}
                {c.reply ? <Text className='body block'>{`${t('cs.reply')}：${c.reply}`}</Text> : null}
                {c.satisfaction ? <Text className='body block'>{`${t('cs.satisfaction')}：${t(`cs.sat.${c.satisfaction}`)}`}</Text> : null}
                {c.linkedMatterId ? <Text className='body block'>{`${t('cs.linkedMatter')}：${c.linkedMatterId}`}</Text> : null}
                {c.photos.length ? (
                  <View className='row wrap'>
                    {c.photos.map((p) => (
                      <Image key={p.key} src={p.url} mode='aspectFill' style={{ width: '96px', height: '96px' }} {...aria({ role: 'img', 'aria-label': t('cs.photos') })} />
                    ))}
                  </View>
                ) : null}
              </Section>

              {c.parties?.length ? (
                <Section title={t('cs.parties')}>
                  {(revealed ?? c.parties).map((p, i) => (
                    <Text key={i} className='body block' data-testid={`cs-party-${i}`}>{`${t(`cs.party.${p.role}`)}：${p.name}${p.phone ? ` ${p.phone}` : ''}`}</Text>
                  ))}
                  {!revealed ? (
                    <Btn small onClick={() => void reveal()} loading={act.busy === 'reveal'} testId='cs-reveal'>
                      {t('cs.reveal')}
                    </Btn>
                  ) : null}
                </Section>
              ) : null}

              {c.actions.length ? (
                <Section title={t('cs.do')}>
                  <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.do') })}>
                    {c.actions.map((x) => (
                      <Chip key={x} selected={x === action} onClick={() => { setAction(x); setSaved(false) }} testId={`cs-action-${x}`}>
                        {names.action(x)}
                      </Chip>
                    ))}
                  </View>
                  {a ? (
                    <View data-testid='cs-action-form'>
                      {a.needsDate ? (
                        <Field label={t('cs.on')}>
                          <TextInput label={t('cs.on')} value={on} onInput={setOn} testId='cs-on' maxlength={10} placeholder='2026-06-30' />
                        </Field>
                      ) : null}
                      {a.needsOutcome ? (
                        <Field label={t('cs.outcome')}>
                          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.outcome') })}>
                            {def!.outcomes.map((o) => (
                              <Chip key={o.outcome} selected={o.outcome === outcome} onClick={() => setOutcome(o.outcome)} testId={`cs-outcome-${o.outcome}`}>
                                {o[t.lang]}
                              </Chip>
                            ))}
                          </View>
                        </Field>
                      ) : null}
                      {a.needsReply ? (
                        <Field label={t('cs.reply')}>
                          <TextArea label={t('cs.reply')} value={reply} onInput={setReply} testId='cs-reply' maxlength={500} />
                        </Field>
                      ) : null}
                      {a.needsSatisfaction ? (
                        <Field label={t('cs.satisfaction')}>
                          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('cs.satisfaction') })}>
                            {satisfactions.map((s) => (
                              <Chip key={s} selected={s === satisfaction} onClick={() => setSatisfaction(s)} testId={`cs-sat-${s}`}>
                                {t(`cs.sat.${s}`)}
                              </Chip>
                            ))}
                          </View>
                        </Field>
                      ) : null}
                      {a.setsHandler ? <Text className='body block'>{t('cs.assignMe')}</Text> : null}
                      {a.needsNote || !a.needsReply ? (
                        <Field label={t('cs.note')}>
                          <TextArea label={t('cs.note')} value={note} onInput={setNote} testId='cs-note' maxlength={1000} />
                        </Field>
                      ) : null}
                      {a.setsFollowUp ? (
                        <Field label={t('cs.followUpOn')}>
                          <TextInput label={t('cs.followUpOn')} value={followUpOn} onInput={setFollowUpOn} testId='cs-follow-up-on' maxlength={10} placeholder='2026-07-15' />
                        </Field>
                      ) : null}
                      <Field label={t('cs.photos')}>
                        <PhotoField ph={ph} testId='cs-act' />
                      </Field>
                      <Btn kind='primary' block loading={act.busy === 'act'} onClick={() => void submit()} testId='cs-act-submit'>
                        {names.action(a.action)}
                      </Btn>
                    </View>
                  ) : null}
                </Section>
              ) : null}
              {saved ? <Text className='body block' {...aria({ role: 'status' })}>{t('cs.done')}</Text> : null}
              {act.error ? <ErrorState error={act.error} /> : null}

              <Section title={t('cs.history')}>
                <View data-testid='cs-history'>
                  {c.history.map((h) => (
                    <View key={h.version} className='card'>
                      <Text className='body block'>{`${chinaDateTime(h.at)} ${h.action === 'raise' ? t('cs.action.raise') : names.action(h.action)} · ${h.byName ?? ''}`}</Text>
                      {h.on ? <Text className='small block'>{`${t('cs.on')}：${h.on}`}</Text> : null}
                      {h.outcome ? <Text className='small block'>{`${t('cs.outcome')}：${names.outcome(h.outcome)}`}</Text> : null}
                      {h.note ? <Text className='small block'>{h.note}</Text> : null}
                      {h.reply ? <Text className='small block'>{h.reply}</Text> : null}
                      {h.satisfaction ? <Text className='small block'>{t(`cs.sat.${h.satisfaction}`)}</Text> : null}
                    </View>
                  ))}
                </View>
              </Section>
            </>
          )
        }}
      </Async>
    </Page>
  )
}
