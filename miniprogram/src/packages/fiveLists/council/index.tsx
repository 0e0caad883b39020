import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Council } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import type { Query } from '../../../hooks/useQuery'
import { useAction } from '../../../hooks/useAction'
import { fiveLists, useCouncil } from '../../../hooks/fiveLists'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { runsCouncils } from '../lib/roles'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Kv, Photos } from '../lib/ui'

type Resolution = Council['resolutions'][number]

/** One council meeting: topics, resolutions, whether each was carried out (with evidence). */
export default function CouncilPage() {
  const t = useT()
  const { me } = useApp()
  const id = useRouter().params.id as string
  const q = useCouncil(id)
  const { busy, error, run } = useAction()
  const publish = (c: Council) => run('publish', async () => q.setData(await fiveLists.publishCouncil(c.id, c.version)))
  return (
    <Page title='fl.councilTitle'>
      <Async q={q}>
        {(c) => {
          const staff = runsCouncils(me, c.communityId)
          return (
            <>
              <Section>
                <Text className='h2 block'>{c.title}</Text>
                <Kv k={t('fl.councilDate')} v={fmtDate(c.heldOn, t.lang)} />
                <Kv k={t('session.attendance')} v={t('fl.attendance', { n: c.attendance })} />
                <Kv k={t('fl.published')} v={c.published ? t('common.on') : t('fl.unpublished')} />
                {staff && !c.published ? (
                  <Btn kind='primary' block loading={!!busy} onClick={() => publish(c)} testId='fl-council-publish'>
                    {t('fl.publish')}
                  </Btn>
                ) : null}
                {error ? <ErrorState error={error} /> : null}
              </Section>
              <Section title={t('fl.topics')}>
                <View {...aria({ role: 'list' })}>
                  {c.topics.map((x, i) => (
                    <Text key={i} className='body block' {...aria({ role: 'listitem' })}>{`${i + 1}. ${x}`}</Text>
                  ))}
                </View>
              </Section>
              <Section title={t('fl.resolutions')}>
                <View {...aria({ role: 'list', 'data-testid': 'fl-resolutions' })}>
                  {c.resolutions.map((r) => (
                    <View key={r.id} className='fl-step' {...aria({ role: 'listitem', 'data-testid': `fl-resolution-${r.id}` })}>
                      <ResolutionView c={c} r={r} staff={staff} q={q} />
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

function ResolutionView({ c, r, staff, q }: { c: Council; r: Resolution; staff: boolean; q: Query<Council> }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(true)
  const [note, setNote] = useState('')
  const ph = usePhotos()
  const { busy, error, run } = useAction()
  const save = () =>
    run('implemented', async () => {
      q.setData(await fiveLists.implemented(c.id, r.id, { implemented: done, note: note.trim(), photos: ph.keys, version: c.version }))
      setOpen(false)
    })
  return (
    <>
      <View className='row'>
        <Tag tone={r.implemented ? 'good' : 'warn'}>{r.implemented ? `✓ ${t('fl.implemented')}` : t('fl.notImplemented')}</Tag>
      </View>
      <Text className='small muted block'>{`${t('fl.topic')}：${r.topic}`}</Text>
      <Text className='body block pre'>{r.text}</Text>
      {r.evidence ? (
        <>
          <Text className='small block pre'>{`${t('fl.evidence')}：${r.evidence.note}`}</Text>
          <Photos photos={r.evidence.photos} />
          <Text className='small muted block'>{fmtDateTime(r.evidence.at, t.lang)}</Text>
        </>
      ) : null}
      {staff && !open ? (
        <Btn small onClick={() => setOpen(true)} testId={`fl-implemented-open-${r.id}`}>
          {t('fl.recordImplemented')}
        </Btn>
      ) : null}
      {open ? (
        <>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.recordImplemented') })}>
            <Chip selected={done} onClick={() => setDone(true)} testId={`fl-implemented-yes-${r.id}`}>
              {t('fl.implemented')}
            </Chip>
            <Chip selected={!done} onClick={() => setDone(false)} testId={`fl-implemented-no-${r.id}`}>
              {t('fl.notImplemented')}
            </Chip>
          </View>
          <Field label={t('fl.evidence')}>
            <TextArea label={t('fl.evidence')} value={note} onInput={setNote} testId={`fl-implemented-note-${r.id}`} maxlength={1000} />
          </Field>
          <PhotoField ph={ph} testId={`fl-implemented-${r.id}`} />
          {error ? <ErrorState error={error} /> : null}
          <Btn kind='primary' disabled={!note.trim() || ph.busy} loading={!!busy} onClick={save} testId={`fl-implemented-save-${r.id}`}>
            {t('common.save')}
          </Btn>
        </>
      ) : null}
    </>
  )
}
