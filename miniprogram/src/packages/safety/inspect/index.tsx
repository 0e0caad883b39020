import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { checklistOf, siteTypeDefs } from '@shared/safety/siteTypes'
import type { InspectResult } from '@shared/safety/schemas'
import '../lib/community'
import '../lib/safety.css'
import { Page } from '../../../components/Page'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { fmtDate } from '../../../lib/format'
import { safety, useSafetySite } from '../../../hooks/safety'

type Verdict = { ok: boolean; note: string }

/**
 * 逐项检查: the checklist of the site's type, one item at a time down the page, each with two big buttons (合格 / 有隐患)
 * for one thumb; a hazard takes a note and a photo. Submitting makes each hazard a case with its deadline.
 */
export default function InspectPage() {
  const t = useT()
  const siteId = useRouter().params.siteId as string
  const detail = useSafetySite(siteId)
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({})
  const [done, setDone] = useState<InspectResult>()
  const [err, setErr] = useState<string>()
  const act = useAction()
  const keyFor = useAttemptKey()
  // each hazard's photo key, as its upload finishes
  const photoKeys = useRef<Record<string, string | undefined>>({})
  const en = t.lang === 'en'

  return (
    <Page title='sf.inspectTitle'>
      <Async q={detail}>
        {(d) => {
          const checklist = checklistOf(d.site.type)
          const left = checklist.filter((c) => !verdicts[c.id]).length
          const set = (id: string, v: Partial<Verdict>) => setVerdicts((all) => ({ ...all, [id]: Object.assign({ ok: true, note: '' }, all[id], v) }))
          function submit() {
            if (left) return setErr(t('sf.itemsLeft', { n: left }))
            if (checklist.some((c) => !verdicts[c.id]!.ok && !verdicts[c.id]!.note.trim())) return setErr(t('sf.noteNeeded'))
            setErr(undefined)
            const results = checklist.map((c) => {
              const v = verdicts[c.id]!
              const photo = photoKeys.current[c.id]
              return v.ok ? { itemId: c.id, ok: true } : { itemId: c.id, ok: false, note: v.note.trim(), ...(photo ? { photo } : {}) }
            })
            const body = { results }
            void act.run('submit', async () => {
              const r = await safety.inspect(siteId, body, keyFor(body))
              setDone(r)
              void Taro.showToast({ title: t('sf.inspected', { n: r.hazards.length }), icon: 'success' })
            })
          }
          if (done) {
            return (
              <Section title={d.site.name}>
                <Text className='body block' data-testid='sf-inspected' {...aria({ role: 'status' })}>
                  {t('sf.inspected', { n: done.hazards.length })}
                </Text>
                {done.hazards.map((h) => (
                  <View key={h.id} className='card'>
                    <Text className='card-title'>{h.description}</Text>
                    {h.deadline ? <Tag tone='warn'>{t('sf.deadline', { d: fmtDate(h.deadline, t.lang) })}</Tag> : null}
                  </View>
                ))}
                <Btn block onClick={() => void Taro.navigateBack()} testId='sf-inspect-back'>
                  {t('common.back')}
                </Btn>
              </Section>
            )
          }
          return (
            <>
              <Section title={d.site.name}>
                <Tag tone='brand'>{en ? siteTypeDefs[d.site.type].en : siteTypeDefs[d.site.type].zh}</Tag>
                {checklist.map((c, i) => {
                  const v = verdicts[c.id]
                  return (
                    <View key={c.id} className='sf-item' data-testid={`sf-item-${c.id}`}>
                      <Text className='body block'>{`${i + 1}. ${en ? c.en : c.zh}`}</Text>
                      <View className='sf-choice' {...aria({ role: 'group', 'aria-label': en ? c.en : c.zh })}>
                        <Chip selected={v?.ok === true} onClick={() => set(c.id, { ok: true })} testId={`sf-ok-${c.id}`}>
                          {t('sf.ok')}
                        </Chip>
                        <Chip selected={v?.ok === false} onClick={() => set(c.id, { ok: false })} testId={`sf-hazard-${c.id}`}>
                          {t('sf.hazard')}
                        </Chip>
                      </View>
                      {v?.ok === false ? <HazardFields label={en ? c.en : c.zh} note={v.note} onNote={(note) => set(c.id, { note })} onPhoto={(k) => setPhotoKey(c.id, k)} testId={`sf-${c.id}`} /> : null}
                    </View>
                  )
                })}
              </Section>
              <Text className='small muted sf-summary' {...aria({ role: 'status' })}>
                {left ? t('sf.itemsLeft', { n: left }) : ''}
              </Text>
              {err ? (
                <Text className='small error-text block' {...aria({ role: 'alert' })}>
                  {err}
                </Text>
              ) : null}
              <Btn kind='primary' block loading={act.busy === 'submit'} onClick={submit} testId='sf-inspect-submit'>
                {t('sf.submitInspection')}
              </Btn>
              {act.error ? <ErrorState error={act.error} /> : null}
            </>
          )
        }}
      </Async>
    </Page>
  )

  function setPhotoKey(itemId: string, key: string | undefined) {
    photoKeys.current[itemId] = key
  }
}

function HazardFields({ label, note, onNote, onPhoto, testId }: { label: string; note: string; onNote: (v: string) => void; onPhoto: (key: string | undefined) => void; testId: string }) {
  const t = useT()
  const ph = usePhotos(1)
  const key = ph.keys[0]
  useEffect(() => onPhoto(key), [key])
  return (
    <>
      <Field label={t('sf.hazardNote')}>
        <TextInput label={`${label} ${t('sf.hazardNote')}`} value={note} onInput={onNote} testId={`${testId}-note`} maxlength={300} />
      </Field>
      <PhotoField ph={ph} testId={testId} />
    </>
  )
}
