import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Matter, OutcomeKind } from '@shared/sayItDay/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { statusTone } from '../../../components/MatterCard'
import { useT } from '../../../i18n/useT'
import { useMatterActions, useSession, useSessionActions } from '../../../hooks/sayItDay'
import { fmtDate, fmtTime } from '../../../lib/format'
import { useAction } from '../../../hooks/useAction'

const kinds: OutcomeKind[] = ['solvedOnSpot', 'toFiveLists', 'notAccepted']

export default function RunSessionPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useSession(id)
  const sessionActions = useSessionActions(id)
  const [attendance, setAttendance] = useState('')
  const [minutes, setMinutes] = useState('')
  const { busy, error, run: act } = useAction()

  useEffect(() => {
    const s = q.data?.session
    if (s) {
      setAttendance(s.attendance !== undefined ? String(s.attendance) : '')
      setMinutes(s.minutes ?? '')
    }
  }, [q.data?.session.id, q.data?.session.version])

  const setSession = (session: NonNullable<typeof q.data>['session']) => q.data && q.setData({ ...q.data, session })
  const setMatter = (m: Matter) => q.data && q.setData({ ...q.data, matters: q.data.matters.map((x) => (x.id === m.id ? m : x)) })

  const start = () => act('start', async () => setSession(await sessionActions.start()))
  const saveMinutes = () =>
    act('minutes', async () => {
      const s = q.data!.session
      const n = Number.parseInt(attendance || '0', 10)
      setSession(await sessionActions.putMinutes({ attendance: Number.isFinite(n) && n >= 0 ? n : 0, minutes: minutes.trim(), version: s.version }))
      void Taro.showToast({ title: t('common.saved'), icon: 'success' })
    })
  const close = () =>
    act('close', async () => {
      const { confirm } = await Taro.showModal({ title: t('worker.close'), content: t('worker.closeConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      setSession(await sessionActions.close())
      void Taro.showToast({ title: t('worker.closed'), icon: 'success' })
    })

  return (
    <Page title='worker.runTitle'>
      <Async q={q}>
        {({ session, matters }) => {
          const running = session.state === 'inProgress'
          return (
            <>
              <Section>
                <View className='row'>
                  <Tag tone='brand'>{session.communityName}</Tag>
                  <Tag tone={session.state === 'closed' ? 'neutral' : running ? 'warn' : 'good'}>
                    <Text data-testid='session-state'>{t(`session.state.${session.state}`)}</Text>
                  </Tag>
                </View>
                <Text className='card-title'>{`${fmtDate(session.date, t.lang)} ${fmtTime(session.startsAt)} · ${session.place}`}</Text>
                {session.state === 'scheduled' ? (
                  <Btn kind='primary' block loading={busy === 'start'} onClick={start} testId='session-start'>
                    {t('worker.start')}
                  </Btn>
                ) : null}
                {session.summary ? (
                  <Text className='small block' data-testid='session-summary'>
                    {t('session.summary', { a: session.summary.solvedOnSpot, b: session.summary.toFiveLists, c: session.summary.notAccepted, d: session.summary.withdrawn })}
                  </Text>
                ) : null}
              </Section>

              {error ? <ErrorState error={error} /> : null}

              <Section title={t('session.minutes')}>
                {!running && session.state === 'scheduled' ? <Text className='small muted block'>{t('worker.notStarted')}</Text> : null}
                <Field label={t('session.attendance')}>
                  <TextInput label={t('session.attendance')} type='number' value={attendance} onInput={setAttendance} testId='session-attendance' maxlength={5} />
                </Field>
                <Field label={t('session.minutes')}>
                  <TextArea label={t('session.minutes')} value={minutes} onInput={setMinutes} testId='session-minutes' maxlength={20000} />
                </Field>
                <Btn block disabled={!running} loading={busy === 'minutes'} onClick={saveMinutes} testId='session-minutes-save'>
                  {t('worker.saveMinutes')}
                </Btn>
              </Section>

              <Section title={t('session.agenda')}>
                {matters.length === 0 ? <Text className='small muted'>{t('session.noMatters')}</Text> : null}
                {matters.map((m, i) => (
                  <OutcomeCard key={m.id} index={i + 1} matter={m} running={running} onRecorded={setMatter} />
                ))}
              </Section>

              {running ? (
                <Btn kind='danger' block loading={busy === 'close'} onClick={close} testId='session-close'>
                  {t('worker.close')}
                </Btn>
              ) : null}
            </>
          )
        }}
      </Async>
    </Page>
  )
}

function OutcomeCard({ matter, index, running, onRecorded }: { matter: Matter; index: number; running: boolean; onRecorded: (m: Matter) => void }) {
  const t = useT()
  const [kind, setKind] = useState<OutcomeKind | undefined>(matter.outcome?.kind)
  const [text, setText] = useState(matter.outcome?.reason ?? matter.outcome?.note ?? '')
  const { busy, error, run } = useAction()
  const actions = useMatterActions(matter.id)
  const [missing, setMissing] = useState(false)

  async function save() {
    if (!kind) return
    if (kind === 'notAccepted' && !text.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    await run('outcome', async () => {
      const body = kind === 'notAccepted' ? { kind, reason: text.trim() } : { kind, note: text.trim() || undefined }
      onRecorded(await actions.recordOutcome(body))
    })
  }

  return (
    <View className='card' data-testid={`outcome-card-${matter.id}`}>
      <View className='row'>
        <Tag>{`#${index}`}</Tag>
        <Tag tone='brand'>{t(`category.${matter.category}`)}</Tag>
        <Tag tone={statusTone[matter.status]}>{t(`status.${matter.status}`)}</Tag>
        <Text className='small muted'>{t('matters.seconds', { n: matter.secondCount })}</Text>
      </View>
      <Text className='card-title pre'>{matter.text}</Text>
      <Text className='small muted block'>{matter.anonymous && !matter.authorId ? t('matters.anonymous') : matter.authorName}</Text>
      {running && matter.status !== 'withdrawn' ? (
        <>
          <Field label={t('worker.outcomeFor')}>
            <View className='row'>
              {kinds.map((k) => (
                <Chip key={k} selected={kind === k} onClick={() => setKind(k)} testId={`outcome-${matter.id}-${k}`}>
                  {t(`status.${k}`)}
                </Chip>
              ))}
            </View>
          </Field>
          <Field label={t('worker.reasonLabel')} error={missing ? t('worker.reasonRequired') : undefined}>
            <TextArea label={t('worker.reasonLabel')} value={text} onInput={setText} testId={`outcome-reason-${matter.id}`} maxlength={500} />
          </Field>
          {error ? <ErrorState error={error} /> : null}
          <Btn kind='primary' block disabled={!kind} loading={!!busy} onClick={save} testId={`outcome-save-${matter.id}`}>
            {t('worker.saveOutcome')}
          </Btn>
        </>
      ) : null}
    </View>
  )
}
