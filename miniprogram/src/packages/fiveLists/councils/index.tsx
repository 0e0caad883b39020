import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { CreateCouncilInput, type ImplementationRate } from '@shared/fiveLists/schemas'
import type { z } from 'zod'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { newIdempotencyKey } from '../../../api/client'
import { useAction } from '../../../hooks/useAction'
import { fiveLists, useCouncils } from '../../../hooks/fiveLists'
import { chinaDay, fmtDate } from '../../../lib/format'
import { homeCommunityId } from '../../../lib/roles'
import { runsCouncils } from '../lib/roles'
import { pct } from '../lib/ui'

/** 居民议事会: meetings, their resolutions, and the implementation rate (computed from the resolutions, never typed). */
export default function CouncilsPage() {
  const t = useT()
  const { me } = useApp()
  const communityId = (useRouter().params.communityId as string | undefined) || homeCommunityId(me)
  // a page at a time (加载更多); the implementation rate comes with each page, over all the meetings
  const q = useCouncils(communityId)
  const staff = runsCouncils(me, communityId)
  const [creating, setCreating] = useState(false)
  return (
    <Page title='fl.councilsTitle'>
      <Async q={q}>
        {(page) => {
          // usePaged keeps the first page whole: its implementation rate is over all the meetings
          const d = page as typeof page & { implementation: z.infer<typeof ImplementationRate> }
          return (
            <>
              <Section>
                <Text className='h2 block' data-testid='fl-councils-rate'>
                  {t('fl.implementationRate', { rate: pct(d.implementation.rate) })}
                </Text>
                <Text className='small muted block'>{t('fl.implementationOf', { done: d.implementation.implemented, all: d.implementation.resolutions, meetings: d.implementation.meetings })}</Text>
              </Section>
              {staff ? (
                creating ? (
                  <NewCouncil communityId={communityId!} onDone={() => (setCreating(false), void q.reload())} />
                ) : (
                  <Btn block onClick={() => setCreating(true)} testId='fl-council-new'>
                    {t('fl.councilNew')}
                  </Btn>
                )
              ) : null}
              {!q.items.length ? <Text className='body muted block'>{t('fl.councilsEmpty')}</Text> : null}
              <View data-testid='fl-councils'>
                {q.items.map((c) => {
                  const done = c.resolutions.filter((r) => r.implemented).length
                  return (
                    <View
                      key={c.id}
                      className='card'
                      onClick={() => Taro.navigateTo({ url: `/packages/fiveLists/council/index?id=${c.id}` })}
                      {...aria({ role: 'link', tabindex: 0, 'data-testid': `fl-council-${c.id}` })}
                    >
                      <View className='row'>
                        {!c.published ? <Tag tone='warn'>{t('fl.unpublished')}</Tag> : null}
                        <Tag>{t('fl.resolutionsDone', { done, all: c.resolutions.length })}</Tag>
                      </View>
                      <Text className='card-title'>{c.title}</Text>
                      <Text className='small muted block'>{`${fmtDate(c.heldOn, t.lang)} · ${t('fl.attendance', { n: c.attendance })}`}</Text>
                    </View>
                  )
                })}
              </View>
              {q.hasMore ? (
                <Btn block onClick={q.loadMore} loading={q.loadingMore} testId='fl-councils-more'>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
            </>
          )
        }}
      </Async>
    </Page>
  )
}

interface Pair {
  topic: string
  text: string
}

function NewCouncil({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const t = useT()
  const [title, setTitle] = useState('')
  const [heldOn, setHeldOn] = useState(chinaDay())
  const [attendance, setAttendance] = useState('')
  const [pairs, setPairs] = useState<Pair[]>([{ topic: '', text: '' }])
  const [published, setPublished] = useState(true)
  const { busy, error, run, setError } = useAction()
  const key = useRef(newIdempotencyKey())
  const setPair = (i: number, p: Partial<Pair>) => setPairs((ps) => ps.map((x, j) => (j === i ? { ...x, ...p } : x)))

  async function save() {
    const filled = pairs.filter((p) => p.topic.trim())
    const parsed = CreateCouncilInput.safeParse({
      title,
      heldOn,
      attendance: Number(attendance || 0),
      topics: filled.map((p) => p.topic.trim()),
      resolutions: filled.filter((p) => p.text.trim()).map((p) => ({ topic: p.topic.trim(), text: p.text.trim() })),
      published,
    })
    if (!parsed.success) {
      setError({ message: t('worker.invalid', { fields: parsed.error.issues.map((i) => i.path[0]).join('、') }), messageEn: t('worker.invalid', { fields: parsed.error.issues.map((i) => i.path[0]).join(', ') }) })
      return
    }
    await run('create', async () => {
      await fiveLists.createCouncil(communityId, parsed.data, key.current)
      onDone()
    })
  }

  return (
    <Section title={t('fl.councilNew')}>
      <Field label={t('fl.councilName')}>
        <TextInput label={t('fl.councilName')} value={title} onInput={setTitle} testId='fl-council-title' maxlength={100} />
      </Field>
      <Field label={t('fl.councilDate')}>
        <TextInput label={t('fl.councilDate')} value={heldOn} onInput={setHeldOn} testId='fl-council-date' maxlength={10} />
      </Field>
      <Field label={t('session.attendance')}>
        <TextInput label={t('session.attendance')} type='number' value={attendance} onInput={setAttendance} testId='fl-council-attendance' maxlength={5} />
      </Field>
      {pairs.map((p, i) => (
        <View key={i} className='fl-step'>
          <Field label={t('fl.topicN', { n: i + 1 })}>
            <TextInput label={t('fl.topicN', { n: i + 1 })} value={p.topic} onInput={(v) => setPair(i, { topic: v })} testId={`fl-council-topic-${i}`} maxlength={200} />
          </Field>
          <Field label={t('fl.resolutionN', { n: i + 1 })}>
            <TextArea label={t('fl.resolutionN', { n: i + 1 })} value={p.text} onInput={(v) => setPair(i, { text: v })} testId={`fl-council-resolution-${i}`} maxlength={1000} />
          </Field>
        </View>
      ))}
      <Btn small onClick={() => setPairs((ps) => [...ps, { topic: '', text: '' }])} testId='fl-council-add-topic'>
        {`+ ${t('fl.addTopic')}`}
      </Btn>
      <View className='switch-row'>
        <Text className='body'>{t('fl.publishNow')}</Text>
        <Switch checked={published} color='#b5121b' onChange={(e) => setPublished(e.detail.value)} nativeProps={{ 'aria-label': t('fl.publishNow'), 'data-testid': 'fl-council-published' }} />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <Btn kind='primary' block loading={!!busy} onClick={save} testId='fl-council-save'>
        {t('common.save')}
      </Btn>
    </Section>
  )
}
