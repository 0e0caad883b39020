import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CollectVacancyInput, RecordTrainingInput, RegisterSeekerInput, SeekerCategory } from '@shared/employment/schemas'
import { keptCommunities } from '../lib/community'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Loading, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { chinaDay, fmtDate } from '../../../lib/format'
import { useCommunities } from '../../../hooks/org'
import { employment, useEmploymentBoard } from '../../../hooks/employment'

const CATEGORIES = SeekerCategory.options

/**
 * 就业援助: a community worker's (or an officer's, per community) job seekers, vacancies, referrals and training, with
 * the forms that add them: register a seeker with their consent, record a vacancy, refer a seeker to a vacancy and
 * record whether they were taken on, record a training course.
 */
export default function EmploymentBoardPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const communities = useCommunities(!!me)
  const kept = useMemo(() => keptCommunities(me, communities.data?.items ?? []), [me, communities.data])
  const [picked, setPicked] = useState<string>()
  const communityId = picked ?? kept[0]?.id
  const board = useEmploymentBoard(communityId)
  const act = useAction()
  const keyFor = useAttemptKey()

  // register a seeker
  const [name, setName] = useState('')
  const [category, setCategory] = useState<SeekerCategory>('unemployed')
  const [wants, setWants] = useState('')
  const [consent, setConsent] = useState<'signedForm' | 'inPerson'>()
  // record a vacancy
  const [employer, setEmployer] = useState('')
  const [post, setPost] = useState('')
  const [count, setCount] = useState('1')
  const [payMin, setPayMin] = useState('')
  const [payMax, setPayMax] = useState('')
  const [until, setUntil] = useState(chinaDay(30))
  // refer
  const [seekerId, setSeekerId] = useState<string>()
  const [vacancyId, setVacancyId] = useState<string>()
  // training
  const [course, setCourse] = useState('')
  const [people, setPeople] = useState('')
  const [heldOn, setHeldOn] = useState(chinaDay(0))
  const [errs, setErrs] = useState<Record<string, string>>({})

  const saved = () => void Taro.showToast({ title: t('emp.saved'), icon: 'success' })

  function register() {
    const body = { communityId: communityId!, name, category, wants, ...(consent ? { consent: { given: true, method: consent } } : {}) }
    const parsed = RegisterSeekerInput.safeParse(body)
    if (!consent) return setErrs({ consent: t('emp.needConsent') })
    if (!parsed.success) return setErrs({ seeker: parsed.error.issues.map((i) => i.path.join('.')).join(', ') })
    setErrs({})
    void act.run('register', async () => {
      await employment.registerSeeker(parsed.data, keyFor(parsed.data))
      setName('')
      setWants('')
      setConsent(undefined)
      saved()
      await board.reload()
    })
  }

  function collect() {
    const parsed = CollectVacancyInput.safeParse({ communityId: communityId!, employer, post, count: Number(count), payMin: Number(payMin), payMax: Number(payMax), until })
    if (!parsed.success) return setErrs({ vacancy: parsed.error.issues.map((i) => i.path.join('.')).join(', ') })
    setErrs({})
    void act.run('collect', async () => {
      await employment.collectVacancy(parsed.data, keyFor(parsed.data))
      setEmployer('')
      setPost('')
      saved()
      await board.reload()
    })
  }

  function refer() {
    if (!seekerId || !vacancyId) return
    const body = { communityId: communityId!, seekerId, vacancyId }
    void act.run('refer', async () => {
      await employment.refer(body, keyFor(body))
      setSeekerId(undefined)
      setVacancyId(undefined)
      saved()
      await board.reload()
    })
  }

  function outcome(referralId: string, outcome: 'placed' | 'notPlaced') {
    void act.run(`outcome-${referralId}`, async () => {
      await employment.referralOutcome(communityId!, referralId, { outcome })
      await board.reload()
    })
  }

  function train() {
    const parsed = RecordTrainingInput.safeParse({ communityId: communityId!, course, people: Number(people), heldOn })
    if (!parsed.success) return setErrs({ training: parsed.error.issues.map((i) => i.path.join('.')).join(', ') })
    setErrs({})
    void act.run('train', async () => {
      await employment.recordTraining(parsed.data, keyFor(parsed.data))
      setCourse('')
      setPeople('')
      saved()
      await board.reload()
    })
  }

  if (!me || communities.loading) return <Page title='emp.title'>{loadingMe || communities.loading ? <Loading /> : null}</Page>
  if (!kept.length) return <Page title='emp.title'><Empty text={t('emp.noCommunity')} /></Page>
  const d = board.data
  const seeking = d?.seekers.filter((s) => s.state === 'seeking') ?? []
  const open = d?.vacancies.filter((v) => v.filled < v.count && v.until >= chinaDay(0)) ?? []

  return (
    <Page title='emp.title'>
      {kept.length > 1 ? (
        <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('emp.community') })}>
          {kept.map((c) => (
            <Chip key={c.id} selected={c.id === communityId} onClick={() => setPicked(c.id)} testId={`emp-community-${c.id}`}>
              {c.name}
            </Chip>
          ))}
        </View>
      ) : null}
      {act.error ? <ErrorState error={act.error} /> : null}

      <Section title={t('emp.seekers')}>
        <Async q={board} empty={(x) => (x.seekers.length ? false : t('emp.empty'))}>
          {(x) => (
            <View data-testid='emp-seekers'>
              {x.seekers.slice(0, 30).map((s) => (
                <View key={s.id} className='card' data-testid={`emp-seeker-${s.id}`}>
                  <View className='row'>
                    <Tag tone={s.state === 'placed' ? 'good' : 'brand'}>{t(`emp.${s.state}` as MessageKey)}</Tag>
                    <Tag>{t(`emp.cat.${s.category}` as MessageKey)}</Tag>
                  </View>
                  <Text className='card-title'>{s.name}</Text>
                  <Text className='small muted block'>{s.placement ? `${s.placement.employer} · ${s.placement.post}` : s.wants}</Text>
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>

      <Section title={t('emp.register')}>
        <Field label={t('emp.name')}>
          <TextInput label={t('emp.name')} value={name} onInput={setName} testId='emp-name' maxlength={30} />
        </Field>
        <Field label={t('emp.category')}>
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('emp.category') })}>
            {CATEGORIES.map((c) => (
              <Chip key={c} selected={category === c} onClick={() => setCategory(c)} testId={`emp-cat-${c}`}>
                {t(`emp.cat.${c}` as MessageKey)}
              </Chip>
            ))}
          </View>
        </Field>
        <Field label={t('emp.wants')}>
          <TextInput label={t('emp.wants')} value={wants} onInput={setWants} testId='emp-wants' maxlength={100} />
        </Field>
        <Field label={t('emp.consent')} hint={t('emp.noIdKept')} error={errs.consent ?? errs.seeker}>
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('emp.consent') })}>
            <Chip selected={consent === 'signedForm'} onClick={() => setConsent('signedForm')} testId='emp-consent-signed'>
              {t('emp.consentSigned')}
            </Chip>
            <Chip selected={consent === 'inPerson'} onClick={() => setConsent('inPerson')} testId='emp-consent-inperson'>
              {t('emp.consentInPerson')}
            </Chip>
          </View>
        </Field>
        <Btn kind='primary' block loading={act.busy === 'register'} onClick={register} testId='emp-register'>
          {t('emp.register')}
        </Btn>
      </Section>

      <Section title={t('emp.vacancies')}>
        {d?.vacancies.length ? (
          <View data-testid='emp-vacancies'>
            {d.vacancies.slice(0, 30).map((v) => (
              <View key={v.id} className='card' data-testid={`emp-vacancy-${v.id}`}>
                <Text className='card-title'>{`${v.employer} · ${v.post}`}</Text>
                <Text className='small muted block'>{`${t('emp.filled', { filled: v.filled, count: v.count })} · ${t('emp.pay', { min: v.payMin, max: v.payMax })} · ${fmtDate(v.until, t.lang)}`}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className='small muted block'>{t('emp.empty')}</Text>
        )}
        <Field label={t('emp.employer')}>
          <TextInput label={t('emp.employer')} value={employer} onInput={setEmployer} testId='emp-employer' maxlength={60} />
        </Field>
        <Field label={t('emp.post')}>
          <TextInput label={t('emp.post')} value={post} onInput={setPost} testId='emp-post' maxlength={60} />
        </Field>
        <Field label={t('emp.count')}>
          <TextInput label={t('emp.count')} value={count} onInput={setCount} testId='emp-count' type='number' maxlength={3} />
        </Field>
        <Field label={t('emp.payMin')}>
          <TextInput label={t('emp.payMin')} value={payMin} onInput={setPayMin} testId='emp-pay-min' type='number' maxlength={7} />
        </Field>
        <Field label={t('emp.payMax')}>
          <TextInput label={t('emp.payMax')} value={payMax} onInput={setPayMax} testId='emp-pay-max' type='number' maxlength={7} />
        </Field>
        <Field label={t('emp.until')} error={errs.vacancy}>
          <TextInput label={t('emp.until')} value={until} onInput={setUntil} testId='emp-until' maxlength={10} placeholder='2026-12-31' />
        </Field>
        <Btn kind='primary' block loading={act.busy === 'collect'} onClick={collect} testId='emp-collect'>
          {t('emp.collect')}
        </Btn>
      </Section>

      <Section title={t('emp.referTo')}>
        <Field label={t('emp.pickSeeker')}>
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('emp.pickSeeker') })}>
            {seeking.slice(0, 20).map((s) => (
              <Chip key={s.id} selected={seekerId === s.id} onClick={() => setSeekerId(s.id)} testId={`emp-pick-seeker-${s.id}`}>
                {s.name}
              </Chip>
            ))}
          </View>
        </Field>
        <Field label={t('emp.pickVacancy')}>
          <View className='row wrap' {...aria({ role: 'group', 'aria-label': t('emp.pickVacancy') })}>
            {open.slice(0, 20).map((v) => (
              <Chip key={v.id} selected={vacancyId === v.id} onClick={() => setVacancyId(v.id)} testId={`emp-pick-vacancy-${v.id}`}>
                {`${v.employer} · ${v.post}`}
              </Chip>
            ))}
          </View>
        </Field>
        <Btn kind='primary' block disabled={!seekerId || !vacancyId} loading={act.busy === 'refer'} onClick={refer} testId='emp-refer'>
          {t('emp.refer')}
        </Btn>
      </Section>

      <Section title={t('emp.referrals')}>
        {d?.referrals.length ? (
          <View data-testid='emp-referrals'>
            {d.referrals.slice(0, 30).map((r) => (
              <View key={r.id} className='card' data-testid={`emp-referral-${r.id}`}>
                <View className='row'>
                  <Tag tone={r.outcome === 'placed' ? 'good' : r.outcome === 'notPlaced' ? 'bad' : 'brand'}>{t(`emp.${r.outcome}` as MessageKey)}</Tag>
                </View>
                <Text className='card-title'>{`${r.seekerName} → ${r.employer} · ${r.post}`}</Text>
                {r.outcome === 'pending' ? (
                  <View className='row'>
                    <Btn small kind='primary' loading={act.busy === `outcome-${r.id}`} onClick={() => outcome(r.id, 'placed')} testId={`emp-placed-${r.id}`}>
                      {t('emp.markPlaced')}
                    </Btn>
                    <Btn small disabled={!!act.busy} onClick={() => outcome(r.id, 'notPlaced')} testId={`emp-not-placed-${r.id}`}>
                      {t('emp.markNotPlaced')}
                    </Btn>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        ) : (
          <Text className='small muted block'>{t('emp.empty')}</Text>
        )}
      </Section>

      <Section title={t('emp.trainings')}>
        {d?.trainings.slice(0, 12).map((x) => (
          <View key={x.id} className='card'>
            <Text className='card-title'>{x.course}</Text>
            <Text className='small muted block'>{t('emp.trainedLine', { day: fmtDate(x.heldOn, t.lang), n: x.people })}</Text>
          </View>
        ))}
        <Field label={t('emp.course')}>
          <TextInput label={t('emp.course')} value={course} onInput={setCourse} testId='emp-course' maxlength={60} />
        </Field>
        <Field label={t('emp.people')}>
          <TextInput label={t('emp.people')} value={people} onInput={setPeople} testId='emp-people' type='number' maxlength={4} />
        </Field>
        <Field label={t('emp.heldOn')} error={errs.training}>
          <TextInput label={t('emp.heldOn')} value={heldOn} onInput={setHeldOn} testId='emp-held-on' maxlength={10} />
        </Field>
        <Btn block loading={act.busy === 'train'} onClick={train} testId='emp-train'>
          {t('emp.recordTraining')}
        </Btn>
        <Text className='small muted block'>{t('emp.jobFairNote')}</Text>
      </Section>
    </Page>
  )
}
