import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MicroProject } from '@shared/microProjects/schemas'
import { money, ProjectCard } from '../lib/card'
import { keptCommunities } from '../lib/community'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Loading, Section, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { sayItDay } from '../../../hooks/sayItDay'
import { fiveLists } from '../../../hooks/fiveLists'
import { hasRole } from '../../../lib/roles'
import { chinaDay } from '../../../lib/format'
import { useCommunities } from '../../../hooks/org'
import { microProjects, useMicroProjectAccounts } from '../../../hooks/microProjects'

/** yuan as typed ("1234.5") → fen, or undefined */
function fenOf(text: string): number | undefined {
  const s = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined
  const fen = Math.round(Number(s) * 100)
  return fen > 0 ? fen : undefined
}

/** The spending form of one project: amount, what for, the day, and the receipts' photos. */
function SpendForm({ p, communityId, onDone }: { p: MicroProject; communityId: string; onDone: () => Promise<void> }) {
  const t = useT()
  const [amount, setAmount] = useState('')
  const [item, setItem] = useState('')
  const [spentOn, setSpentOn] = useState(chinaDay(0))
  const ph = usePhotos(9)
  const act = useAction()
  const keyFor = useAttemptKey()
  const [err, setErr] = useState<string>()
  function submit() {
    const amountFen = fenOf(amount)
    if (!amountFen) return setErr(t('mp.needAmount'))
    if (!ph.keys.length || ph.busy) return setErr(t('mp.needReceipt'))
    setErr(undefined)
    const body = { amountFen, item: item.trim() || p.title, spentOn, receipts: ph.keys }
    void act.run('spend', async () => {
      await microProjects.spend(communityId, p.id, body, keyFor(body))
      setAmount('')
      setItem('')
      void Taro.showToast({ title: t('mp.saved'), icon: 'success' })
      await onDone()
    })
  }
  return (
    <View className='sub-form'>
      <Text className='small muted block'>{t('mp.left', { left: money(p.budgetFen - p.spentFen) })}</Text>
      <Field label={t('mp.amountYuan')} error={err}>
        <TextInput label={t('mp.amountYuan')} value={amount} onInput={setAmount} testId={`mp-amount-${p.id}`} type='digit' maxlength={12} />
      </Field>
      <Field label={t('mp.item')}>
        <TextInput label={t('mp.item')} value={item} onInput={setItem} testId={`mp-item-${p.id}`} maxlength={100} />
      </Field>
      <Field label={t('mp.spentOn')}>
        <TextInput label={t('mp.spentOn')} value={spentOn} onInput={setSpentOn} testId={`mp-spent-on-${p.id}`} maxlength={10} />
      </Field>
      <Field label={t('mp.receipts')}>
        <PhotoField ph={ph} testId={`mp-receipts-${p.id}`} />
      </Field>
      {act.error ? <ErrorState error={act.error} /> : null}
      <Btn kind='primary' block loading={act.busy === 'spend'} onClick={submit} testId={`mp-spend-submit-${p.id}`}>
        {t('mp.spend')}
      </Btn>
    </View>
  )
}

/**
 * 惠民项目 for staff: a community worker proposes a project from a say-it day matter or a council resolution, starts it,
 * enters spending with receipts and closes it; a sub-district officer approves the budget or turns it down. The same
 * list residents read as the public accounts, with proposals and rejections too.
 */
export default function ProjectsPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const communities = useCommunities(!!me)
  const kept = useMemo(() => keptCommunities(me, communities.data?.items ?? []), [me, communities.data])
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? kept[0]?.id
  const officer = hasRole(me, 'subdistrictOfficer')
  const accounts = useMicroProjectAccounts(communityId)
  const matters = useQuery(() => sayItDay.communityMatters(communityId!), [communityId], !!communityId)
  const councils = useQuery(() => fiveLists.councils(communityId!), [communityId], !!communityId)
  const act = useAction()
  const keyFor = useAttemptKey()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [budget, setBudget] = useState('')
  const [source, setSource] = useState<{ kind: 'matter'; matterId: string } | { kind: 'resolution'; councilId: string; resolutionId: string }>()
  const [errs, setErrs] = useState<Record<string, string>>({})
  const [spendOpen, setSpendOpen] = useState<string>()
  const [reason, setReason] = useState('')

  function propose() {
    const budgetFen = fenOf(budget)
    const found: Record<string, string> = {}
    if (title.trim().length < 2) found.title = t('mp.needTitle')
    if (!budgetFen) found.budget = t('mp.needBudget')
    if (!source) found.source = t('mp.needSource')
    setErrs(found)
    if (Object.keys(found).length) return
    const body = { communityId: communityId!, title: title.trim(), description: description.trim(), budgetFen: budgetFen!, source: source! }
    void act.run('propose', async () => {
      await microProjects.propose(body, keyFor(body))
      setTitle('')
      setDescription('')
      setBudget('')
      setSource(undefined)
      void Taro.showToast({ title: t('mp.saved'), icon: 'success' })
      await accounts.reload()
    })
  }

  function decide(p: MicroProject, approve: boolean) {
    void act.run(`decide-${p.id}`, async () => {
      await microProjects.decide(communityId!, p.id, { approve, version: p.version, ...(approve ? {} : { reason: reason.trim() }) })
      setReason('')
      await accounts.reload()
    })
  }

  function move(p: MicroProject, status: 'inProgress' | 'done') {
    void act.run(`status-${p.id}`, async () => {
      await microProjects.setStatus(communityId!, p.id, { status, version: p.version })
      await accounts.reload()
    })
  }

  if (!me || communities.loading) return <Page title='mp.title'>{loadingMe || communities.loading ? <Loading /> : null}</Page>
  if (!kept.length) return <Page title='mp.title'><Empty text={t('mp.noCommunity')} /></Page>
  const resolutions = (councils.data?.items ?? []).flatMap((c) => c.resolutions.map((r) => ({ councilId: c.id, resolutionId: r.id, text: `${r.topic}` })))

  return (
    <Page title='mp.title'>
      {kept.length > 1 ? (
        <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('mp.community') })}>
          {kept.map((c) => (
            <Chip key={c.id} selected={c.id === communityId} onClick={() => setPicked(c.id)} testId={`mp-community-${c.id}`}>
              {c.name}
            </Chip>
          ))}
        </View>
      ) : null}
      {act.error ? <ErrorState error={act.error} /> : null}
      <Async q={accounts} empty={(d) => (d.projects.length ? false : t('mp.empty'))}>
        {(d) => (
          <Section title={`${d.communityName} · ${t('mp.totals', { budget: money(d.totals.budgetFen), spent: money(d.totals.spentFen) })}`}>
            <View data-testid='mp-projects'>
              {d.projects.map((p) => (
                <ProjectCard key={p.id} p={p} t={t}>
                  {officer && p.status === 'proposed' ? (
                    <View>
                      <Field label={t('mp.rejectReason')}>
                        <TextInput label={t('mp.rejectReason')} value={reason} onInput={setReason} testId={`mp-reason-${p.id}`} maxlength={200} />
                      </Field>
                      <View className='row'>
                        <Btn small kind='primary' loading={act.busy === `decide-${p.id}`} onClick={() => decide(p, true)} testId={`mp-approve-${p.id}`}>
                          {t('mp.approve')}
                        </Btn>
                        <Btn small disabled={!!act.busy || !reason.trim()} onClick={() => decide(p, false)} testId={`mp-reject-${p.id}`}>
                          {t('mp.reject')}
                        </Btn>
                      </View>
                    </View>
                  ) : null}
                  {p.status === 'approved' ? (
                    <Btn small loading={act.busy === `status-${p.id}`} onClick={() => move(p, 'inProgress')} testId={`mp-start-${p.id}`}>
                      {t('mp.start')}
                    </Btn>
                  ) : null}
                  {p.status === 'inProgress' ? (
                    <Btn small loading={act.busy === `status-${p.id}`} onClick={() => move(p, 'done')} testId={`mp-finish-${p.id}`}>
                      {t('mp.finish')}
                    </Btn>
                  ) : null}
                  {p.status === 'approved' || p.status === 'inProgress' ? (
                    spendOpen === p.id ? (
                      <SpendForm p={p} communityId={communityId!} onDone={async () => { setSpendOpen(undefined); await accounts.reload() }} />
                    ) : (
                      <Btn small onClick={() => setSpendOpen(p.id)} testId={`mp-spend-${p.id}`}>
                        {t('mp.spend')}
                      </Btn>
                    )
                  ) : null}
                </ProjectCard>
              ))}
            </View>
          </Section>
        )}
      </Async>

      {hasRole(me, 'communityWorker', 'subdistrictOfficer') ? (
        <Section title={t('mp.propose')}>
          <Field label={t('mp.pickMatter')} error={errs.source}>
            <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('mp.pickMatter') })}>
              {(matters.data?.items ?? []).map((m) => (
                <Chip key={m.id} selected={source?.kind === 'matter' && source.matterId === m.id} onClick={() => setSource({ kind: 'matter', matterId: m.id })} testId={`mp-matter-${m.id}`}>
                  {m.text.length > 24 ? `${m.text.slice(0, 24)}…` : m.text}
                </Chip>
              ))}
            </View>
          </Field>
          {resolutions.length ? (
            <Field label={t('mp.pickResolution')}>
              <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('mp.pickResolution') })}>
                {resolutions.slice(0, 10).map((r) => (
                  <Chip key={r.resolutionId} selected={source?.kind === 'resolution' && source.resolutionId === r.resolutionId} onClick={() => setSource({ kind: 'resolution', councilId: r.councilId, resolutionId: r.resolutionId })} testId={`mp-resolution-${r.resolutionId}`}>
                    {r.text}
                  </Chip>
                ))}
              </View>
            </Field>
          ) : null}
          <Field label={t('mp.projectTitle')} error={errs.title}>
            <TextInput label={t('mp.projectTitle')} value={title} onInput={setTitle} testId='mp-title' maxlength={60} />
          </Field>
          <Field label={t('mp.description')}>
            <TextArea label={t('mp.description')} value={description} onInput={setDescription} testId='mp-description' maxlength={1000} />
          </Field>
          <Field label={t('mp.budgetYuan')} error={errs.budget}>
            <TextInput label={t('mp.budgetYuan')} value={budget} onInput={setBudget} testId='mp-budget' type='digit' maxlength={12} />
          </Field>
          <Btn kind='primary' block loading={act.busy === 'propose'} onClick={propose} testId='mp-propose'>
            {t('mp.propose')}
          </Btn>
          <Text className='small muted block'>{t('mp.accountsNote')}</Text>
        </Section>
      ) : null}
    </Page>
  )
}
