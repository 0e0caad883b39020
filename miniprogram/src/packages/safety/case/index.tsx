import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { safetyKindDefs } from '@shared/safety/kinds'
import type { SafetyCase } from '@shared/safety/schemas'
import '../lib/community'
import { actionText, outcomeText, stateText } from '../lib/text'
import { Page } from '../../../components/Page'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { safety, useSafetyCase } from '../../../hooks/safety'

/**
 * 隐患详情 / 违建详情: the case, its photos and history, and the actions the caller may fire now (the kind's data): a
 * hazard's re-inspection (rectified, with a photo; or not yet, with a note and perhaps a new deadline), a report's
 * passing on to the enforcement bureau and its outcome.
 */
export default function CasePage() {
  const caseId = useRouter().params.caseId as string
  const q = useSafetyCase(caseId)
  return (
    <Page title='sf.caseTitle'>
      <Async q={q}>{(c) => <CaseBody c={c} onChanged={q.setData} />}</Async>
    </Page>
  )
}

function CaseBody({ c, onChanged }: { c: SafetyCase; onChanged: (c: SafetyCase) => void }) {
  const t = useT()
  const kind = safetyKindDefs[c.kind]
  const [action, setAction] = useState<string | undefined>(c.actions?.[0])
  const [note, setNote] = useState('')
  const [deadline, setDeadline] = useState('')
  const [outcome, setOutcome] = useState<string>()
  const [err, setErr] = useState<string>()
  const ph = usePhotos(3)
  const act = useAction()
  const def = kind.actions.find((a) => a.action === action)

  function fire() {
    if (!def) return
    if (def.needsPhoto && ph.keys.length === 0) return setErr(t('sf.photoNeeded'))
    if (def.needsNote && !note.trim()) return setErr(t('sf.note'))
    if (def.needsOutcome && !outcome) return setErr(t('sf.outcome'))
    setErr(undefined)
    const body = {
      action: def.action,
      version: c.version,
      photos: ph.keys,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(def.needsOutcome ? { outcome } : {}),
      ...(def.setsDeadline && /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? { deadline } : {}),
    }
    void act.run('fire', async () => {
      const next = await safety.step(c.id, body)
      setNote('')
      setDeadline('')
      ph.clear()
      setAction(next.actions?.[0])
      onChanged(next)
    })
  }

  return (
    <>
      <Section title={c.kind === 'hazard' ? c.siteName : c.place}>
        <View className='row wrap gap' data-testid='sf-case-state'>
          <Tag tone={c.open ? 'warn' : 'good'}>{stateText(c, t)}</Tag>
          {c.overdue ? <Tag tone='bad'>{t('sf.overdue')}</Tag> : null}
          {!c.open && c.inTime !== undefined ? <Tag tone={c.inTime ? 'good' : 'warn'}>{t(c.inTime ? 'sf.inTime' : 'sf.late')}</Tag> : null}
          {c.outcome ? <Tag>{outcomeText(c.kind, c.outcome, t)}</Tag> : null}
        </View>
        <Text className='body block'>{c.description}</Text>
        {c.deadline ? <Text className='small block'>{t('sf.deadline', { d: fmtDate(c.deadline, t.lang) })}</Text> : null}
        <Text className='small muted block'>{`${t('sf.reporter')}：${c.reporterName} · ${fmtDateTime(c.createdAt, t.lang)}`}</Text>
        <Photos photos={c.photos} />
      </Section>

      {def ? (
        <Section title={t('sf.todo')}>
          {(c.actions ?? []).length > 1 ? (
            <View className='row wrap gap'>
              {(c.actions ?? []).map((a) => (
                <Chip key={a} selected={a === action} onClick={() => setAction(a)} testId={`sf-action-${a}`}>
                  {actionText(c.kind, a, t)}
                </Chip>
              ))}
            </View>
          ) : null}
          {def.needsOutcome ? (
            <Field label={t('sf.outcome')}>
              <View className='row wrap gap'>
                {(kind.outcomes ?? []).map((o) => (
                  <Chip key={o.outcome} selected={outcome === o.outcome} onClick={() => setOutcome(o.outcome)} testId={`sf-outcome-${o.outcome}`}>
                    {t.lang === 'en' ? o.en : o.zh}
                  </Chip>
                ))}
              </View>
            </Field>
          ) : null}
          <Field label={t('sf.note')}>
            <TextInput label={t('sf.note')} value={note} onInput={setNote} testId='sf-step-note' maxlength={300} />
          </Field>
          {def.setsDeadline ? (
            <Field label={t('sf.newDeadline')} hint='YYYY-MM-DD'>
              <TextInput label={t('sf.newDeadline')} value={deadline} onInput={setDeadline} testId='sf-step-deadline' maxlength={10} />
            </Field>
          ) : null}
          {def.needsPhoto || c.kind === 'hazard' ? (
            <Field label={t('sf.photos')}>
              <PhotoField ph={ph} testId='sf-step' />
            </Field>
          ) : null}
          {err ? (
            <Text className='small error-text block' {...aria({ role: 'alert' })}>
              {err}
            </Text>
          ) : null}
          <Btn kind='primary' block loading={act.busy === 'fire'} disabled={ph.busy} onClick={fire} testId='sf-step-submit'>
            {actionText(c.kind, def.action, t)}
          </Btn>
          {act.error ? <ErrorState error={act.error} /> : null}
        </Section>
      ) : null}

      <Section title={t('sf.history')}>
        <View data-testid='sf-history'>
          {(c.history ?? []).map((h, i) => (
            <View key={i} className='card'>
              <Text className='body block'>{`${actionText(c.kind, h.action, t)} · ${h.byName}`}</Text>
              <Text className='small muted block'>{fmtDateTime(h.at, t.lang)}</Text>
              {h.note && h.action !== 'found' ? <Text className='small block'>{h.note}</Text> : null}
              {h.outcome ? <Text className='small block'>{outcomeText(c.kind, h.outcome, t)}</Text> : null}
              {h.deadline && h.action !== 'found' ? <Text className='small block'>{t('sf.deadline', { d: fmtDate(h.deadline, t.lang) })}</Text> : null}
              <Photos photos={h.photos} />
            </View>
          ))}
        </View>
      </Section>
    </>
  )
}

function Photos({ photos }: { photos: { key: string; url: string }[] }) {
  const t = useT()
  if (!photos.length) return null
  return (
    <View className='photos'>
      {photos.map((p, i) => (
        <View key={p.key} className='photo'>
          <Image className='img' src={p.url} mode='aspectFill' {...({ nativeProps: { alt: `${t('sf.photos')} ${i + 1}` } } as object)} />
        </View>
      ))}
    </View>
  )
}
