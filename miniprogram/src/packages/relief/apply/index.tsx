import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ApplicationInput, forms, Relation, DisabilityCategory } from '@shared/relief/schemas'
import { reliefTypes } from '@shared/relief/types'
import { parseIdNumber } from '@shared/platform/idNumber'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Loading, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import type { ApiError } from '../../../api/client'
import { useDraft, type Attempt } from '../../../hooks/useDraft'
import { fmtDateTime } from '../../../lib/format'
import { fieldErrors } from '../../../lib/fieldErrors'
import { pickDocument, RELIEF_TYPES, typeKey, uploadDocument, useAction, type ReliefTypeName } from '../lib/relief'
import type { ResponseOf } from '@shared/http'
import type { Api } from '@shared/api'
import { relief, useReliefTypes, useConsentText, useReliefApplication } from '../../../hooks/relief'

type Detail = ResponseOf<Api['relief']['application']>
type Eligibility = ResponseOf<Api['relief']['eligibility']>

interface MemberDraft {
  name: string
  relation: string
  idNumber: string
  income: string
  disCat: string
  disGrade: string
  health: string
}
/** What survives a dropped network or a closed app: the form, the uploaded documents, the key of the last create. */
interface Draft {
  members: MemberDraft[]
  form: Record<string, string | boolean>
  /** a new upload by its key; one already attached by its id (answers carry no keys) */
  documents: ({ kind: string; key: string } | { kind: string; id: string })[]
  attempt?: Attempt
}

const newMember = (relation = 'self'): MemberDraft => ({ name: '', relation, idNumber: '', income: '', disCat: '', disGrade: '', health: '' })
const emptyDraft = (): Draft => ({ members: [newMember()], form: {}, documents: [] })
const LONG = new Set(['reason', 'description'])

type FieldKind = { kind: 'enum'; options: string[] } | { kind: 'boolean' } | { kind: 'number' } | { kind: 'string'; optional: boolean }
/** The kind of input each form field takes, read from its zod schema (zod 4: `.def.type`). */
function fieldKind(schema: unknown): FieldKind {
  let s = schema as { def: { type: string; innerType?: unknown }; options?: string[] }
  let optional = false
  while (s.def.type === 'optional' || s.def.type === 'default') {
    optional = true
    s = s.def.innerType as typeof s
  }
  if (s.def.type === 'enum') return { kind: 'enum', options: s.options ?? [] }
  if (s.def.type === 'boolean') return { kind: 'boolean' }
  if (s.def.type === 'number') return { kind: 'number' }
  return { kind: 'string', optional }
}

/** 救助申请: a new application or the edit of a draft / an answer to a request for information; consent; submit. */
export default function ApplyPage() {
  const t = useT()
  const router = useRouter()
  const id = router.params.id as string | undefined
  const forUserId = router.params.forUserId as string | undefined
  // the resident's name as the proxy page listed it (shown only; the application names the resident by forUserId)
  const forName = (() => {
    try {
      return decodeURIComponent(router.params.forName ?? '')
    } catch {
      return router.params.forName ?? ''
    }
  })()
  const gridId = router.params.gridId as string | undefined
  const [pickedType, setPickedType] = useState<string | undefined>(router.params.type as string | undefined)
  const existing = useReliefApplication(id)
  const consentText = useConsentText()
  // the types as the sub-district's rule versions in force today say (thresholds, amounts, documents); the bundled table
  // is kept only for a draft filled offline, where the API cannot be read
  const types = useReliefTypes()
  const type = (existing.data?.application.type ?? pickedType) as ReliefTypeName | undefined

  // one draft a type, applicant and application; none kept before the type is known
  const { draft, restored, hasDraft, update, attemptKey, forget } = useDraft(type ? `linli.reliefDraft.${type}.${forUserId ?? 'me'}.${id ?? 'new'}` : undefined, emptyDraft(), {
    hasContent: (d) => d.members.some((m) => m.name || m.idNumber),
  })
  const [detail, setDetail] = useState<Detail>()
  const [elig, setElig] = useState<Eligibility>()
  const [invalid, setInvalid] = useState<string[]>([])
  const [uploading, setUploading] = useState<string>()
  const [paperKey, setPaperKey] = useState<string>()
  const act = useAction()

  // an existing application with no local draft starts from what was sent: names and relations (ID numbers and bank
  // accounts come back masked, so they are typed again), and the documents already attached
  useEffect(() => {
    const d = existing.data
    if (!d) return
    setDetail(d)
    if (!restored) {
      update({
        members: d.application.household.map((m) => ({ ...newMember(m.relation), name: m.name })),
        form: Object.fromEntries(Object.entries(d.application.form).filter(([, v]) => typeof v === 'boolean' || (typeof v === 'string' && !v.includes('*')) || typeof v === 'number').map(([k, v]) => [k, typeof v === 'number' ? String(v) : (v as string | boolean)])),
        documents: d.application.documents.map((x) => ({ kind: x.kind, id: x.id })),
      })
    }
  }, [existing.data])
  const def = type ? reliefTypes[type] : undefined
  const live = types.data?.items.find((x) => x.type === type)
  const shape = type ? (forms[type] as unknown as { shape: Record<string, unknown> }).shape : {}
  const setMember = (i: number, patch: Partial<MemberDraft>) => update((d) => ({ members: d.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }))
  const setForm = (k: string, v: string | boolean) => update((d) => ({ form: { ...d.form, [k]: v } }))

  const body = useMemo(() => {
    if (!type) return undefined
    const form: Record<string, unknown> = {}
    for (const [k, s] of Object.entries(shape)) {
      const v = draft.form[k]
      const kind = fieldKind(s)
      if (v === undefined || v === '') continue
      form[k] = kind.kind === 'number' ? Number(v) : typeof v === 'string' ? v.trim() : v
    }
    return {
      type,
      household: draft.members.map((m) => ({
        name: m.name.trim(),
        relation: m.relation,
        idNumber: m.idNumber.trim().toUpperCase(),
        monthlyIncome: m.income.trim() === '' ? undefined : Number(m.income),
        disability: m.disCat ? { category: m.disCat, grade: Number(m.disGrade || '1') } : undefined,
        health: m.health.trim() || undefined,
      })),
      form,
      documents: draft.documents,
    }
  }, [draft, type, shape])

  /** the body checked by the contract's own schema; the labels of what is wrong, else the parsed body */
  function validated() {
    const parsed = ApplicationInput.safeParse(body)
    if (parsed.success) {
      setInvalid([])
      return parsed.data
    }
    // one label a wrong field (a member's field, the members, a form field, the form), each named once
    const labels = fieldErrors(t, parsed.error, ([head, a, b]) => {
      if (head === 'household' && a !== undefined && b !== undefined) return `${t('rl.apply.member', { n: Number(a) + 1 })} ${t(b === 'idNumber' ? 'rl.apply.idNumber' : b === 'name' ? 'rl.apply.name' : b === 'monthlyIncome' ? 'rl.apply.income' : 'rl.apply.relation')}`
      if (head === 'household') return t('rl.apply.members')
      if (head === 'form' && a) return t(`rl.field.${a}` as MessageKey)
      return t('rl.apply.form')
    }, 3)
    setInvalid([...new Set(Object.values(labels))])
    return undefined
  }

  function offlineOr(e: unknown): never {
    throw (e as ApiError).code === 'NETWORK' ? { message: t('rl.apply.offline'), messageEn: t('rl.apply.offline') } : e
  }

  const check = () =>
    act.run('check', async () => {
      const b = validated()
      if (!b) return
      setElig(await relief.eligibility(b).catch(offlineOr))
    })

  const saveDraft = () =>
    act.run('save', async () => {
      const b = validated()
      if (!b) return
      const current = detail ?? existing.data
      if (current) {
        const d = await relief
          .edit(current.application.id, { household: b.household, form: b.form as Record<string, unknown>, documents: b.documents, version: current.application.version })
          .catch(offlineOr)
        setDetail(d)
      } else {
        const withProxy = forUserId ? { ...b, forUserId, gridId } : b
        // same body as the last attempt: same key, so a retry after a dropped answer makes one draft
        const idempotencyKey = attemptKey(withProxy)
        const d = await relief.create(withProxy as typeof b, idempotencyKey).catch(offlineOr)
        setDetail(d)
      }
      void Taro.showToast({ title: t('rl.apply.saved'), icon: 'success' })
    })

  async function addDocument(kind: string) {
    const f = await pickDocument()
    if (!f) return
    setUploading(kind)
    act.setError(undefined)
    try {
      const key = await uploadDocument(f)
      update((d) => ({ documents: [...d.documents, { kind, key }] }))
    } catch (e) {
      act.setError(e)
    } finally {
      setUploading(undefined)
    }
  }

  async function addPaperPhoto() {
    const f = await pickDocument()
    if (!f) return
    setUploading('paper')
    try {
      setPaperKey(await uploadDocument(f))
    } catch (e) {
      act.setError(e)
    } finally {
      setUploading(undefined)
    }
  }

  const consent = (method: 'app' | 'signedForm') =>
    act.run('consent', async () => {
      if (!detail || !consentText.data) return
      const v = { textVersion: consentText.data.version, version: detail.application.version }
      const body = method === 'app' ? { method: 'app' as const, ...v } : { method: 'signedForm' as const, photoKey: paperKey!, ...v }
      setDetail(await relief.consent(detail.application.id, body).catch(offlineOr))
    })

  const submit = () =>
    act.run('submit', async () => {
      if (!detail) return
      const d = await relief.submit(detail.application.id, detail.application.version).catch(offlineOr)
      forget()
      void Taro.showToast({ title: t('rl.apply.submitted'), icon: 'success' })
      await Taro.redirectTo({ url: `/packages/relief/application/index?id=${d.application.id}` })
    })

  if (id && existing.error) return <Page title='rl.apply.title'><ErrorState error={existing.error} onRetry={existing.reload} /></Page>
  if (id && !existing.data) return <Page title='rl.apply.title'><Loading /></Page>
  if (!type || !def)
    return (
      <Page title='rl.apply.title'>
        <Section title={t('rl.apply.pickType')}>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.apply.pickType') })}>
            {RELIEF_TYPES.map((ty) => (
              <Chip key={ty} selected={false} onClick={() => setPickedType(ty)} testId={`rl-type-${ty}`}>
                {t(typeKey(ty))}
              </Chip>
            ))}
          </View>
        </Section>
      </Page>
    )

  const actions = detail?.actions ?? []
  const app = detail?.application
  return (
    <Page title='rl.apply.title'>
      <Section>
        <Text className='h2 block' data-testid='rl-apply-type'>
          {t(typeKey(type))}
        </Text>
        {forUserId ? <Text className='small muted block'>{t('rl.apply.forResident', { id: forName || forUserId })}</Text> : null}
        {hasDraft && !detail ? (
          <Text className='small muted block' {...aria({ role: 'status' })} data-testid='rl-draft-restored'>
            {t('rl.apply.draftRestored')}
          </Text>
        ) : null}
        {app ? <Tag tone='warn'>{t(`rl.status.${app.status}` as MessageKey)}</Tag> : null}
        {app?.infoRequested ? <Text className='body block'>{t('rl.app.infoRequested', { note: [app.infoRequested.note, ...app.infoRequested.missing].join('；') })}</Text> : null}
        {live && Object.keys(live.parameters ?? {}).length ? (
          <View data-testid='rl-apply-figures'>
            <Text className='small muted block'>{t('rl.rules.figures')}</Text>
            {Object.entries(live.parameters ?? {}).map(([k, v]) => (
              <Text key={k} className='body block' data-testid={`rl-param-${k}`}>{`${t(`rl.param.${k}` as MessageKey)}：${v}`}</Text>
            ))}
          </View>
        ) : null}
      </Section>

      <Section title={t('rl.apply.members')}>
        {draft.members.map((m, i) => {
          const idCheck = m.idNumber.trim() ? parseIdNumber(m.idNumber) : undefined
          const n = i + 1
          return (
            <View key={i} className='rl-member' data-testid={`rl-member-${i}`}>
              <View className='row between'>
                <Text className='body'>{t('rl.apply.member', { n })}</Text>
                {i > 0 ? (
                  <Btn small onClick={() => update({ members: draft.members.filter((_, j) => j !== i) })} testId={`rl-member-${i}-remove`} label={t('rl.apply.removeMember', { n })}>
                    ✕
                  </Btn>
                ) : null}
              </View>
              <Field label={t('rl.apply.name')}>
                <TextInput label={`${t('rl.apply.member', { n })} ${t('rl.apply.name')}`} value={m.name} onInput={(v) => setMember(i, { name: v })} testId={`rl-member-${i}-name`} maxlength={30} />
              </Field>
              <Field label={t('rl.apply.relation')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': `${t('rl.apply.member', { n })} ${t('rl.apply.relation')}` })}>
                  {Relation.options.map((r) => (
                    <Chip key={r} selected={m.relation === r} onClick={() => setMember(i, { relation: r })} testId={`rl-member-${i}-relation-${r}`}>
                      {t(`rl.relation.${r}` as MessageKey)}
                    </Chip>
                  ))}
                </View>
              </Field>
              <Field label={t('rl.apply.idNumber')} error={idCheck && !idCheck.ok ? t(`rl.apply.idInvalid.${idCheck.problem}` as MessageKey) : undefined}>
                <TextInput label={`${t('rl.apply.member', { n })} ${t('rl.apply.idNumber')}`} value={m.idNumber} onInput={(v) => setMember(i, { idNumber: v })} testId={`rl-member-${i}-id`} maxlength={18} />
              </Field>
              <Field label={t('rl.apply.income')}>
                <TextInput label={`${t('rl.apply.member', { n })} ${t('rl.apply.income')}`} value={m.income} onInput={(v) => setMember(i, { income: v })} testId={`rl-member-${i}-income`} type='digit' maxlength={10} />
              </Field>
              <Field label={t('rl.apply.disability')}>
                <View className='row' {...aria({ role: 'group', 'aria-label': `${t('rl.apply.member', { n })} ${t('rl.apply.disability')}` })}>
                  <Chip selected={!m.disCat} onClick={() => setMember(i, { disCat: '', disGrade: '' })} testId={`rl-member-${i}-dis-none`}>
                    {t('rl.apply.noDisability')}
                  </Chip>
                  {DisabilityCategory.options.map((c) => (
                    <Chip key={c} selected={m.disCat === c} onClick={() => setMember(i, { disCat: c, disGrade: m.disGrade || '1' })} testId={`rl-member-${i}-dis-${c}`}>
                      {t(`rl.opt.${c}` as MessageKey)}
                    </Chip>
                  ))}
                </View>
                {m.disCat ? (
                  <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.apply.grade') })}>
                    {['1', '2', '3', '4'].map((g) => (
                      <Chip key={g} selected={m.disGrade === g} onClick={() => setMember(i, { disGrade: g })} testId={`rl-member-${i}-grade-${g}`}>
                        {t('rl.apply.gradeN', { n: g })}
                      </Chip>
                    ))}
                  </View>
                ) : null}
              </Field>
              <Field label={t('rl.apply.health')}>
                <TextInput label={`${t('rl.apply.member', { n })} ${t('rl.apply.health')}`} value={m.health} onInput={(v) => setMember(i, { health: v })} testId={`rl-member-${i}-health`} maxlength={200} />
              </Field>
            </View>
          )
        })}
        {draft.members.length < 10 ? (
          <Btn onClick={() => update({ members: [...draft.members, newMember(draft.members.some((m) => m.relation === 'self') ? 'spouse' : 'self')] })} testId='rl-add-member'>
            {`+ ${t('rl.apply.addMember')}`}
          </Btn>
        ) : null}
      </Section>

      <Section title={t('rl.apply.form')}>
        {Object.entries(shape).map(([k, s]) => {
          const kind = fieldKind(s)
          const label = t(`rl.field.${k}` as MessageKey)
          const v = draft.form[k]
          if (kind.kind === 'enum' || kind.kind === 'boolean') {
            const opts = kind.kind === 'enum' ? kind.options.map((o) => [o, t(`rl.opt.${o}` as MessageKey)] as const) : ([[true, t('rl.yes')], [false, t('rl.no')]] as const)
            return (
              <Field key={k} label={label}>
                <View className='row' {...aria({ role: 'group', 'aria-label': label })}>
                  {opts.map(([o, text]) => (
                    <Chip key={String(o)} selected={v === o} onClick={() => setForm(k, o)} testId={`rl-form-${k}-${String(o)}`}>
                      {text}
                    </Chip>
                  ))}
                </View>
              </Field>
            )
          }
          return (
            <Field key={k} label={label}>
              {LONG.has(k) ? (
                <TextArea label={label} value={String(v ?? '')} onInput={(x) => setForm(k, x)} testId={`rl-form-${k}`} maxlength={500} />
              ) : (
                <TextInput label={label} value={String(v ?? '')} onInput={(x) => setForm(k, x)} testId={`rl-form-${k}`} type={kind.kind === 'number' ? 'digit' : 'text'} maxlength={60} />
              )}
            </Field>
          )
        })}
      </Section>

      <Section title={t('rl.apply.documents')}>
        {(live?.documents ?? def.documents).map((d) => {
          const n = draft.documents.filter((x) => x.kind === d.kind).length
          const name = t(`rl.doc.${d.kind}` as MessageKey)
          return (
            <View key={d.kind} className='row between'>
              <View>
                <Text className='body block'>{`${name}（${t(d.required ? 'rl.apply.required' : 'rl.apply.optional')}）`}</Text>
                <Text className='small muted block' data-testid={`rl-doc-${d.kind}-count`}>
                  {uploading === d.kind ? t('rl.apply.uploading') : t('rl.apply.uploaded', { n })}
                </Text>
              </View>
              <Btn small onClick={() => addDocument(d.kind)} loading={uploading === d.kind} testId={`rl-doc-${d.kind}`}>
                {t('rl.apply.upload', { kind: name })}
              </Btn>
            </View>
          )
        })}
      </Section>

      {invalid.length ? (
        <Text className='body block error-text' {...aria({ role: 'alert' })} data-testid='rl-apply-invalid'>
          {t('rl.apply.invalid', { fields: invalid.join('、') })}
        </Text>
      ) : null}

      <Section>
        <Btn block onClick={check} loading={act.busy === 'check'} testId='rl-check'>
          {t('rl.apply.check')}
        </Btn>
        {elig ? (
          <View data-testid='rl-eligibility' {...aria({ role: 'status' })}>
            <Tag tone={elig.eligible ? 'good' : 'bad'}>{t(elig.eligible ? 'rl.apply.eligible' : 'rl.apply.notEligible')}</Tag>
            {elig.checks.map((c) => (
              <Text key={c.code} className={`body block ${c.ok ? 'rl-check-ok' : 'rl-check-no'}`}>
                {`${c.ok ? '✓' : '✗'} ${t.lang === 'en' ? c.messageEn : c.messageZh}`}
              </Text>
            ))}
            {elig.suggestedAmount !== undefined ? <Text className='body block'>{t('rl.apply.suggested', { amount: elig.suggestedAmount, persons: elig.persons })}</Text> : null}
          </View>
        ) : null}
        {!app || actions.includes('edit') ? (
          <Btn block kind={app ? 'default' : 'primary'} onClick={saveDraft} loading={act.busy === 'save'} disabled={!!uploading} testId='rl-save'>
            {t('rl.apply.save')}
          </Btn>
        ) : null}
      </Section>

      {app ? (
        <Section title={t('rl.apply.consent')}>
          {app.consent ? (
            <Text className='body block' data-testid='rl-consent-given'>
              {t('rl.apply.consentGiven', { method: t(app.consent.method === 'app' ? 'rl.apply.consentApp' : 'rl.apply.consentPaper'), by: app.consent.byName, at: fmtDateTime(app.consent.at, t.lang) })}
            </Text>
          ) : consentText.data ? (
            <View>
              <Text className='body block' data-testid='rl-consent-text'>
                {t.lang === 'en' ? consentText.data.textEn : consentText.data.textZh}
              </Text>
              <Text className='small muted block' data-testid='rl-consent-version'>
                {t('rl.apply.consentVersion', { v: consentText.data.version })}
              </Text>
              {actions.includes('consent') ? (
                <Btn block kind='primary' onClick={() => consent('app')} loading={act.busy === 'consent'} testId='rl-consent-agree'>
                  {t('rl.apply.consentAgree')}
                </Btn>
              ) : null}
              {actions.includes('recordSignedConsent') ? (
                <View>
                  <Text className='body block'>{t('rl.apply.consentByResident')}</Text>
                  <Btn block onClick={addPaperPhoto} loading={uploading === 'paper'} testId='rl-consent-photo'>
                    {paperKey ? `✓ ${t('rl.apply.paperPhoto')}` : t('rl.apply.paperPhoto')}
                  </Btn>
                  <Btn block kind='primary' disabled={!paperKey} onClick={() => consent('signedForm')} loading={act.busy === 'consent'} testId='rl-consent-record'>
                    {t('rl.apply.paperRecord')}
                  </Btn>
                </View>
              ) : null}
            </View>
          ) : (
            <Loading />
          )}
        </Section>
      ) : null}

      {act.error ? <ErrorState error={act.error} /> : null}

      {app && actions.includes('submit') ? (
        <Btn block kind='primary' onClick={submit} loading={act.busy === 'submit'} disabled={!app.consent} testId='rl-submit'>
          {app.status === 'infoRequested' ? t('rl.apply.resubmit') : t('rl.apply.submit')}
        </Btn>
      ) : null}
    </Page>
  )
}
