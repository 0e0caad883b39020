import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { reliefTypes } from '@shared/relief/types'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, LinkRow, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { messages, type MessageKey } from '../../../i18n/messages'
import { useQuery } from '../../../hooks/useQuery'
import { fmtDateTime } from '../../../lib/format'
import { go, statusKey, statusTone, typeKey, useAction } from '../lib/relief'
import { ReasonForm } from '../lib/reasonForm'
import type { ResponseOf } from '@shared/http'
import type { Api } from '@shared/api'
import { relief, useConsentText, useReliefAudit } from '../../../hooks/relief'

type Revealed = ResponseOf<Api['relief']['reveal']>
/** how long an opened document stays on the page: its URL's life */
const DOCUMENT_SECONDS = 60
const show = (v: unknown) => (typeof v === 'boolean' ? (v ? '✓' : '✗') : typeof v === 'object' && v ? JSON.stringify(v) : String(v))

/** 申请详情: status, timeline, masked values; the owner's, the reviewer's and the full-values actions the reader may take. */
export default function ApplicationPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useQuery(() => relief.application(id), [id])
  const actions = q.data?.actions ?? []
  const canReveal = actions.includes('reveal')
  const consentText = useConsentText(actions.includes('consent'))
  const audit = useReliefAudit(id, [id, canReveal], canReveal)
  const act = useAction()
  const [decision, setDecision] = useState<'approve' | 'reject' | 'requestInfo'>('approve')
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState('')
  const [amount, setAmount] = useState('')
  const [revealed, setRevealed] = useState<Revealed>()
  // documents: shown only on demand, one at a time, for a reason; the URL (and the image) go after 60 s
  const canViewDocs = actions.includes('viewDocuments') || actions.includes('viewOwnDocuments')
  const [asking, setAsking] = useState<string>()
  const [opened, setOpened] = useState<{ id: string; url: string }>()
  useEffect(() => {
    if (!opened) return
    const timer = setTimeout(() => setOpened(undefined), DOCUMENT_SECONDS * 1000)
    return () => clearTimeout(timer)
  }, [opened])
  const a = q.data?.application
  useEffect(() => {
    if (a?.eligibility.suggestedAmount !== undefined && !amount) setAmount(String(a.eligibility.suggestedAmount))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a?.id])

  const withDetail = (name: string, fn: () => Promise<ResponseOf<Api['relief']['application']>>) =>
    act.run(name, async () => {
      q.setData(await fn())
    })
  const version = a?.version ?? 0

  const consent = () => withDetail('consent', () => relief.consent(id, { method: 'app', textVersion: consentText.data!.version, version }))
  const confirmHousehold = () => withDetail('confirmHousehold', () => relief.confirmHousehold(id, version))
  const submit = () => withDetail('submit', () => relief.submit(id, version))
  async function withdraw() {
    const r = await Taro.showModal({ title: t('rl.app.withdraw'), content: t('rl.app.withdrawConfirm') })
    if (r.confirm) await withDetail('withdraw', () => relief.withdraw(id, version))
  }
  const review = () =>
    withDetail('review', async () => {
      const body = {
        decision,
        version,
        note: note.trim() || undefined,
        missing: decision === 'requestInfo' && missing.trim() ? missing.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : undefined,
        amount: decision === 'approve' && amount.trim() && finalLevel ? Number(amount) : undefined,
      }
      const d = await relief.review(id, body)
      void Taro.showToast({ title: t('rl.app.decided'), icon: 'success' })
      setNote('')
      setMissing('')
      return d
    })
  const reveal = (why: string) =>
    act.run('reveal', async () => {
      setRevealed(await relief.reveal(id, why))
      void audit.reload()
    })
  const viewDocument = (documentId: string, why: string) =>
    act.run('viewDocument', async () => {
      const o = await relief.viewDocument(id, documentId, why)
      setAsking(undefined)
      setOpened({ id: documentId, url: o.url })
      if (canReveal) void audit.reload()
    })

  const chain = a ? reliefTypes[a.type].chain : []
  const finalLevel = !!a && a.awaiting === chain[chain.length - 1]
  const assessed = !!a && reliefTypes[a.type].amount === 'assessed'

  return (
    <Page title='rl.app.title'>
      <Async q={q}>
        {(d) => {
          const app = d.application
          return (
            <>
              <Section>
                <Text className='h2 block' data-testid='rl-app-type'>
                  {t(typeKey(app.type))}
                </Text>
                <View className='row' data-testid='rl-app-status'>
                  <Tag tone={statusTone(app.status)}>{t(statusKey(app.status))}</Tag>
                  {app.awaiting ? <Tag tone='neutral'>{t('rl.app.awaiting', { level: t(`rl.level.${app.awaiting}` as MessageKey) })}</Tag> : null}
                </View>
                <View className='kv'>
                  <Text className='k'>{t('rl.app.owner')}</Text>
                  <Text className='v' data-testid='rl-app-owner'>{app.ownerName}</Text>
                </View>
                {app.proxy && app.filedByName ? (
                  <View className='kv'>
                    <Text className='k'>{t('rl.app.filedBy')}</Text>
                    <Text className='v'>{app.filedByName}</Text>
                  </View>
                ) : null}
                <View className='kv'>
                  <Text className='k'>{t('rl.app.persons')}</Text>
                  <Text className='v'>{String(app.persons)}</Text>
                </View>
                {app.amount !== undefined ? (
                  <View className='kv'>
                    <Text className='k'>{t('rl.app.amount')}</Text>
                    <Text className='v' data-testid='rl-app-amount'>{String(app.amount)}</Text>
                  </View>
                ) : null}
                {app.infoRequested ? <Text className='body block'>{t('rl.app.infoRequested', { note: [app.infoRequested.note, ...app.infoRequested.missing].join('；') })}</Text> : null}
                {app.decisionReason ? <Text className='body block'>{t('rl.app.decisionReason', { reason: app.decisionReason })}</Text> : null}
              </Section>

              <Section title={t('rl.app.members')}>
                {app.household.map((m, i) => (
                  <View key={i} className='card'>
                    <Text className='body block'>{t('rl.app.memberLine', { name: m.name, relation: t(`rl.relation.${m.relation}` as MessageKey), sex: t(m.sex === 'male' ? 'rl.app.male' : 'rl.app.female'), age: m.age })}</Text>
                    <Text className='body block' data-testid={`rl-member-id-${i}`}>{m.idNumber}</Text>
                    {m.monthlyIncome ? <Text className='small muted block'>{`${t('rl.apply.income')}：${m.monthlyIncome}`}</Text> : null}
                    {m.disability ? <Text className='small muted block'>{`${t('rl.apply.disability')}：${m.disability}`}</Text> : null}
                    {m.health ? <Text className='small muted block'>{`${t('rl.apply.health')}：${m.health}`}</Text> : null}
                  </View>
                ))}
              </Section>

              <Section title={t('rl.app.household')}>
                <Text className='body block' data-testid='rl-household'>
                  {app.householdConfirmed
                    ? app.householdConfirmed.by === 'registry'
                      ? t('rl.app.householdByRegistry')
                      : t('rl.app.householdByWorker', { by: app.householdConfirmed.byName ?? '', at: fmtDateTime(app.householdConfirmed.at, t.lang) })
                    : t('rl.app.householdPending')}
                </Text>
                {d.actions.includes('confirmHousehold') ? (
                  <Btn block onClick={confirmHousehold} loading={act.busy === 'confirmHousehold'} testId='rl-confirm-household'>
                    {t('rl.app.confirmHousehold')}
                  </Btn>
                ) : null}
              </Section>

              <Section title={t('rl.app.form')}>
                {Object.entries(app.form).map(([k, v]) => (
                  <View key={k} className='kv'>
                    <Text className='k'>{t(`rl.field.${k}` as MessageKey)}</Text>
                    <Text className='v'>{typeof v === 'string' && `rl.opt.${v}` in messages ? t(`rl.opt.${v}` as MessageKey) : show(v)}</Text>
                  </View>
                ))}
              </Section>

              <Section title={t('rl.app.documents')}>
                {canViewDocs ? <Text className='small muted block'>{t(actions.includes('viewDocuments') ? 'rl.doc.viewHint' : 'rl.doc.ownHint')}</Text> : null}
                {[
                  ...app.documents.map((doc) => ({ id: doc.id, present: doc.present, name: t(`rl.doc.${doc.kind}` as MessageKey) })),
                  ...(app.consent?.photo ? [{ ...app.consent.photo, name: t('rl.doc.signedConsent') }] : []),
                ].map((doc, i) => (
                  <View key={doc.id} data-testid={`rl-doc-row-${i}`}>
                    <View className='row between'>
                      <Text className='body'>{`${doc.name} ✓${doc.present ? '' : `（${t('rl.doc.notMoved')}）`}`}</Text>
                      {canViewDocs && doc.present && opened?.id !== doc.id ? (
                        <Btn small onClick={() => setAsking(asking === doc.id ? undefined : doc.id)} testId={`rl-doc-view-${i}`} label={t('rl.doc.viewOf', { kind: doc.name })}>
                          {t('rl.doc.view')}
                        </Btn>
                      ) : null}
                    </View>
                    {asking === doc.id ? <ReasonForm action={t('rl.doc.viewOf', { kind: doc.name })} onSubmit={(why) => viewDocument(doc.id, why)} busy={act.busy === 'viewDocument'} testId='rl-doc-open' /> : null}
                    {opened?.id === doc.id ? (
                      <View data-testid='rl-doc-opened'>
                        <Image className='rl-doc-image' src={opened.url} mode='widthFix' onClick={() => void Taro.previewImage({ current: opened.url, urls: [opened.url] })} {...({ nativeProps: { alt: t('rl.doc.openedAlt', { kind: doc.name }) } } as object)} />
                        <Text className='small muted block'>{t('rl.doc.expires')}</Text>
                      </View>
                    ) : null}
                  </View>
                ))}
                {app.missingDocuments.length ? (
                  <Text className='body block error-text'>{t('rl.app.missingDocs', { docs: app.missingDocuments.map((k) => t(`rl.doc.${k}` as MessageKey)).join('、') })}</Text>
                ) : null}
              </Section>

              <Section title={t('rl.app.checks')}>
                <Tag tone={app.eligibility.eligible ? 'good' : 'bad'}>{t(app.eligibility.eligible ? 'rl.apply.eligible' : 'rl.apply.notEligible')}</Tag>
                {app.eligibility.checks.map((c) => (
                  <Text key={c.code} className={`body block ${c.ok ? 'rl-check-ok' : 'rl-check-no'}`}>{`${c.ok ? '✓' : '✗'} ${t.lang === 'en' ? c.messageEn : c.messageZh}`}</Text>
                ))}
              </Section>

              <Section title={t('rl.apply.consent')}>
                {app.consent ? (
                  <Text className='body block' data-testid='rl-consent-given'>
                    {t('rl.apply.consentGiven', { method: t(app.consent.method === 'app' ? 'rl.apply.consentApp' : 'rl.apply.consentPaper'), by: app.consent.byName, at: fmtDateTime(app.consent.at, t.lang) })}
                  </Text>
                ) : d.actions.includes('consent') && consentText.data ? (
                  <View>
                    <Text className='body block' data-testid='rl-consent-text'>{t.lang === 'en' ? consentText.data.textEn : consentText.data.textZh}</Text>
                    <Text className='small muted block'>{t('rl.apply.consentVersion', { v: consentText.data.version })}</Text>
                    <Btn block kind='primary' onClick={consent} loading={act.busy === 'consent'} testId='rl-consent-agree'>
                      {t('rl.apply.consentAgree')}
                    </Btn>
                  </View>
                ) : (
                  <Text className='body muted block'>—</Text>
                )}
              </Section>

              <Section title={t('rl.app.timeline')}>
                <View data-testid='rl-timeline' {...aria({ role: 'list' })}>
                  {d.timeline.map((h, i) => (
                    <View key={i} className='card' {...aria({ role: 'listitem' })}>
                      <Text className='body block'>{`${`rl.action.${h.action}` in messages ? t(`rl.action.${h.action}` as MessageKey) : h.action} · ${t(statusKey(h.to))}`}</Text>
                      <Text className='small muted block'>{`${fmtDateTime(h.at, t.lang)} · ${h.byName}${h.level ? ` · ${t(`rl.level.${h.level}` as MessageKey)}` : ''}`}</Text>
                      {h.note ? <Text className='body block'>{h.note}</Text> : null}
                    </View>
                  ))}
                </View>
              </Section>

              {d.actions.includes('edit') || d.actions.includes('submit') || d.actions.includes('withdraw') ? (
                <Section>
                  {d.actions.includes('edit') ? <LinkRow title={t('rl.app.edit')} onClick={go(`/packages/relief/apply/index?id=${app.id}&type=${app.type}`)} testId='rl-app-edit' /> : null}
                  {d.actions.includes('submit') && app.consent && app.status === 'draft' ? (
                    <Btn block kind='primary' onClick={submit} loading={act.busy === 'submit'} testId='rl-submit'>
                      {t('rl.apply.submit')}
                    </Btn>
                  ) : null}
                  {d.actions.includes('withdraw') ? (
                    <Btn block kind='danger' onClick={withdraw} loading={act.busy === 'withdraw'} testId='rl-withdraw'>
                      {t('rl.app.withdraw')}
                    </Btn>
                  ) : null}
                </Section>
              ) : null}

              {d.actions.includes('review') && app.awaiting ? (
                <Section title={t('rl.app.review', { level: t(`rl.level.${app.awaiting}` as MessageKey) })}>
                  <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.app.review', { level: t(`rl.level.${app.awaiting}` as MessageKey) }) })}>
                    {(['approve', 'reject', 'requestInfo'] as const).map((x) => (
                      <Chip key={x} selected={decision === x} onClick={() => setDecision(x)} testId={`rl-decision-${x}`}>
                        {t(`rl.app.${x}` as MessageKey)}
                      </Chip>
                    ))}
                  </View>
                  {decision === 'approve' && finalLevel && (app.eligibility.suggestedAmount !== undefined || assessed) ? (
                    <Field label={t('rl.app.amountInput')} hint={app.eligibility.suggestedAmount !== undefined ? t('rl.app.amountHint', { amount: app.eligibility.suggestedAmount }) : undefined}>
                      <TextInput label={t('rl.app.amountInput')} value={amount} onInput={setAmount} type='digit' testId='rl-review-amount' maxlength={10} />
                    </Field>
                  ) : null}
                  {decision === 'requestInfo' ? (
                    <Field label={t('rl.app.missing')}>
                      <TextInput label={t('rl.app.missing')} value={missing} onInput={setMissing} testId='rl-review-missing' maxlength={300} />
                    </Field>
                  ) : null}
                  <Field label={t('rl.app.note')}>
                    <TextArea label={t('rl.app.note')} value={note} onInput={setNote} testId='rl-review-note' maxlength={500} />
                  </Field>
                  <Btn block kind='primary' onClick={review} loading={act.busy === 'review'} testId='rl-review-submit'>
                    {t('rl.app.decide')}
                  </Btn>
                </Section>
              ) : null}

              {act.error ? <ErrorState error={act.error} /> : null}

              {canReveal ? (
                <Section title={t('rl.app.reveal')}>
                  <Text className='small muted block'>{t('rl.app.revealHint')}</Text>
                  {revealed ? (
                    <View data-testid='rl-revealed'>
                      <Text className='body block'>{t('rl.app.revealed')}</Text>
                      {revealed.members.map((m, i) => (
                        <Text key={i} className='body block'>{`${m.name}：${m.idNumber}${m.monthlyIncome !== undefined ? ` · ${m.monthlyIncome}` : ''}${m.health ? ` · ${m.health}` : ''}`}</Text>
                      ))}
                      {Object.entries(revealed.form).map(([k, v]) => (
                        <Text key={k} className='body block'>{`${t(`rl.field.${k}` as MessageKey)}：${show(v)}`}</Text>
                      ))}
                    </View>
                  ) : (
                    <ReasonForm action={t('rl.app.reveal')} onSubmit={(why) => reveal(why)} busy={act.busy === 'reveal'} testId='rl-reveal' />
                  )}
                  <Text className='h2 block'>{t('rl.app.audit')}</Text>
                  <Async q={audit} empty={() => (audit.items.length ? false : t('rl.app.noAudit'))}>
                    {() => (
                      <View data-testid='rl-audit'>
                        {audit.items.map((e) => (
                          <Text key={e.id} className='small block'>{t('rl.app.auditLine', { at: fmtDateTime(e.at, t.lang), by: e.byName, reason: e.reason })}</Text>
                        ))}
                        {audit.hasMore ? (
                          <Btn block loading={audit.loadingMore} onClick={audit.loadMore} testId='rl-audit-more'>
                            {t('common.loadMore')}
                          </Btn>
                        ) : null}
                      </View>
                    )}
                  </Async>
                </Section>
              ) : null}
            </>
          )
        }}
      </Async>
    </Page>
  )
}
