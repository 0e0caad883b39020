import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { FiveListDetail, FiveListMatter, WatchState } from '@shared/fiveLists/schemas'
import { defaultResolveDays } from '@shared/fiveLists/deadlines'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Loading, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { fiveLists, useFiveListMatter, useFiveListMatterActions } from '../../../hooks/fiveLists'
import { useQuery } from '../../../hooks/useQuery'
import { useApp } from '../../../state/app'
import { askSubscribe } from '../../../lib/subscribe'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { proposeUnit } from '../lib/roles'
import { PhotoField, usePhotos } from '../../../components/PhotoField'
import { Kv, OverdueTag, Photos, StateTag, Stars, Timeline } from '../lib/ui'

const DAY = 86_400_000

/** One action at a time on the matter (busy, its error under the panels), the matter re-read after it. */
type Act = ReturnType<typeof useAction> & { matter: ReturnType<typeof useFiveListMatterActions> }

export default function FiveListMatterPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useFiveListMatter(id)
  const shown = useRef(false)
  const action = useAction({
    after: async () => {
      await q.reload()
      void Taro.showToast({ title: t('common.saved'), icon: 'success' })
    },
  })
  const a: Act = { ...action, matter: useFiveListMatterActions(id) }

  // back from the rating form: read it again
  useDidShow(() => {
    if (shown.current && q.data) void q.reload()
    shown.current = true
  })

  useShareAppMessage(() => ({
    title: q.data?.share.title ?? t('fl.matterTitle'),
    path: q.data?.share.path ?? `/packages/fiveLists/matter/index?id=${id}`,
  }))

  return (
    <Page title='fl.matterTitle'>
      <Async q={q}>{(d) => <Detail d={d} a={a} />}</Async>
    </Page>
  )
}

function Detail({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const { matter: m, actions } = d
  const can = (x: (typeof actions)[number]) => actions.includes(x)
  return (
    <>
      <Section>
        <View className='row'>
          <Tag tone='brand'>{t(`category.${m.category}`)}</Tag>
          <View data-testid='fl-state'>
            <StateTag state={m.state} />
          </View>
          {m.overdue ? <OverdueTag /> : null}
        </View>
        <Text className='body block pre' data-testid='fl-text'>
          {m.text}
        </Text>
        <Photos photos={m.photos} />
        <Kv k={t('fl.submitter')} v={m.anonymous && !m.submitterId ? t('matters.anonymous') : m.submitterName} />
        <Kv k={t('fl.source')} v={t(`fl.source.${m.source}`)} />
        <Kv k={t('matter.createdAt')} v={fmtDateTime(m.createdAt, t.lang)} />
        {m.location?.address ? <Kv k={t('matter.location')} v={m.location.address} /> : null}
        {m.unitName ? <Kv k={t('fl.unit')} v={m.unitName} testId='fl-unit' /> : null}
        {m.resolveBy ? <Kv k={t('fl.resolveBy')} v={fmtDateTime(m.resolveBy, t.lang)} /> : null}
        {m.deadlineAt ? <Kv k={m.state === 'resolved' || m.state === 'rated' ? t('fl.rateBy') : t('fl.stepDeadline')} v={`${fmtDateTime(m.deadlineAt, t.lang)}${m.overdue ? `（${t('fl.overdue')}）` : ''}`} /> : null}
        {m.claimedByName ? <Kv k={t('fl.claimedBy')} v={`${m.claimedByName}${m.claimedAt ? ` · ${fmtDateTime(m.claimedAt, t.lang)}` : ''}`} /> : null}
        {m.reopenCount ? <Kv k={t('fl.reopened')} v={t('fl.reopenedOnce')} /> : null}
        {m.mergedInto ? <Kv k={t('fl.mergedInto')} v={m.mergedInto} /> : null}
        <Kv k={t('fl.backers')} v={t('matters.seconds', { n: m.secondCount })} />
        {d.watch ? <WatchToggle m={m} watch={d.watch} /> : <Kv k={t('fl.watchers')} v={t('fl.watchCount', { n: m.watchCount })} testId='fl-watch-count' />}
      </Section>

      {m.extension ? (
        <Section title={t('fl.extension')}>
          <Kv k={t('fl.extensionUntil')} v={fmtDateTime(m.extension.until, t.lang)} />
          <Kv k={t('fl.reason')} v={m.extension.reason} />
          <Kv k={t('fl.decision')} v={m.extension.decision ? t(`fl.extension.${m.extension.decision}`) : t('fl.extension.pending')} testId='fl-extension-decision' />
          {m.extension.decisionNote ? <Kv k={t('matter.note')} v={m.extension.decisionNote} /> : null}
        </Section>
      ) : null}

      {m.resolution ? (
        <Section title={t('fl.resolution')}>
          <Text className='body block pre' data-testid='fl-resolution'>
            {m.resolution.note}
          </Text>
          <Photos photos={m.resolution.photos} />
          <Text className='small muted block'>{`${m.resolution.byName} · ${fmtDateTime(m.resolution.at, t.lang)}`}</Text>
        </Section>
      ) : null}

      {d.ratings.length ? (
        <Section title={t('fl.ratings')}>
          <View {...aria({ role: 'list', 'data-testid': 'fl-ratings' })}>
            {d.ratings.map((r, i) => (
              <View key={`${r.at}-${i}`} className='fl-step' {...aria({ role: 'listitem' })}>
                <View className='row'>
                  <Tag tone={r.level === 'satisfied' ? 'good' : r.level === 'partly' ? 'warn' : 'bad'}>{t(`fl.level.${r.level}`)}</Tag>
                  <Stars n={r.stars} />
                  {r.mine ? <Tag>{t('matter.mine')}</Tag> : null}
                </View>
                {r.comment ? <Text className='small block pre'>{r.comment}</Text> : null}
                <Text className='small muted block'>{`${fmtDateTime(r.at, t.lang)}${r.round ? ` · ${t('fl.round2')}` : ''}`}</Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}

      {can('rate') ? (
        <Section title={t('fl.rateTitle')}>
          <Text className='body block'>{t('fl.ratePrompt')}</Text>
          <Btn kind='primary' block onClick={() => Taro.navigateTo({ url: `/packages/fiveLists/rate/index?id=${m.id}` })} testId='fl-rate-open'>
            {t('fl.rateOpen')}
          </Btn>
        </Section>
      ) : null}

      {can('dispatch') ? <DispatchPanel d={d} a={a} /> : null}
      {can('confirm') || can('return') || can('merge') ? <ReviewPanel d={d} a={a} /> : null}
      {can('claim') ? (
        <Section title={t('fl.claimTitle')}>
          <Text className='body block'>{t('fl.claimHint')}</Text>
          <Btn kind='primary' block loading={a.busy === 'claim'} onClick={() => a.run('claim', () => a.matter.claim(m.version))} testId='fl-claim'>
            {t('fl.claim')}
          </Btn>
        </Section>
      ) : null}
      {can('resolve') ? <ResolvePanel d={d} a={a} /> : null}
      {can('requestExtension') ? <ExtensionRequestPanel d={d} a={a} /> : null}
      {can('decideExtension') ? <ExtensionDecisionPanel a={a} /> : null}
      {can('close') ? <ClosePanel d={d} a={a} /> : null}

      {a.error ? <ErrorState error={a.error} /> : null}

      <Section title={t('fl.timeline')}>
        <Timeline entries={d.timeline} />
      </Section>
    </>
  )
}

/**
 * 关注 / 已关注: a resident of the community watches the matter to be told of its progress. The answer of the tap is the
 * state shown (a retry answers the same); the subscribe prompt comes right after the tap that starts watching.
 */
function WatchToggle({ m, watch }: { m: FiveListMatter; watch: WatchState }) {
  const t = useT()
  const { config } = useApp()
  const act = useAction()
  const matter = useFiveListMatterActions(m.id)
  const [w, setW] = useState(watch)
  // the matter read again (after another action, or back on the page): its answer wins
  useEffect(() => setW(watch), [watch])
  const count = <Kv k={t('fl.watchers')} v={t('fl.watchCount', { n: w.watchCount })} testId='fl-watch-count' />
  // the submitter and backers are told anyway: no button (one who also watches may still stop)
  if (w.alreadyTold && !w.watching) {
    return (
      <>
        {count}
        <Text className='small muted block' data-testid='fl-watch-told'>
          {t(`fl.alreadyTold.${w.alreadyTold}`)}
        </Text>
      </>
    )
  }
  const toggle = () =>
    act.run('watch', async () => {
      if (w.watching) {
        setW(await matter.unwatch())
        void Taro.showToast({ title: t('fl.unwatchDone'), icon: 'none' })
        return
      }
      setW(await matter.watch())
      void Taro.showToast({ title: t('fl.watchDone'), icon: 'none' })
      await askSubscribe(config?.templates, ['fiveListsProgress'])
    })
  return (
    <>
      {count}
      <Btn kind={w.watching ? 'default' : 'primary'} block pressed={w.watching} loading={act.busy === 'watch'} onClick={toggle} testId='fl-watch'>
        {w.watching ? t('fl.watching') : t('fl.watch')}
      </Btn>
      <Text className='small muted block'>{t('fl.watchHint')}</Text>
      {act.error ? <ErrorState error={act.error} /> : null}
    </>
  )
}

function DispatchPanel({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const m = d.matter
  const units = useQuery(() => fiveLists.ranking(m.subdistrictId), [m.subdistrictId])
  const proposed = units.data ? proposeUnit(units.data.items, [m.text, ...d.timeline.map((e) => e.note ?? '')]) : undefined
  const [unitId, setUnitId] = useState<string>()
  const chosen = unitId ?? proposed
  const defaultDays = defaultResolveDays[m.category]
  const [days, setDays] = useState(defaultDays)
  const [note, setNote] = useState('')
  const options = Array.from(new Set([3, 7, 15, 30, defaultDays])).sort((x, y) => x - y)
  // counted from the later of the phone's clock and the matter's last change, so a wrong phone clock cannot set a past date
  const base = Math.max(Date.now(), Date.parse(m.updatedAt))
  const until = new Date(base + days * DAY).toISOString()
  return (
    <Section title={t('fl.dispatchTitle')}>
      <Field label={t('fl.dispatchUnit')} hint={proposed ? t('fl.proposedHint') : undefined}>
        {units.error ? (
          <ErrorState error={units.error} onRetry={units.reload} />
        ) : !units.data ? (
          <Loading />
        ) : (
          <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.dispatchUnit') })}>
            {units.data.items.map((u) => (
              <Chip key={u.unitId} selected={chosen === u.unitId} onClick={() => setUnitId(u.unitId)} testId={`fl-dispatch-unit-${u.unitId}`}>
                {`${u.unitName}${u.unitId === proposed ? `（${t('fl.proposed')}）` : ''}`}
              </Chip>
            ))}
          </View>
        )}
      </Field>
      <Field label={t('fl.dispatchDays')} hint={t('fl.dispatchDaysHint', { n: defaultDays, date: fmtDate(until, t.lang) })}>
        <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.dispatchDays') })}>
          {options.map((n) => (
            <Chip key={n} selected={days === n} onClick={() => setDays(n)} testId={`fl-dispatch-days-${n}`}>
              {t('fl.days', { n })}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('fl.noteOptional')}>
        <TextArea label={t('fl.noteOptional')} value={note} onInput={setNote} testId='fl-dispatch-note' maxlength={1000} />
      </Field>
      <Btn
        kind='primary'
        block
        disabled={!chosen}
        loading={a.busy === 'dispatch'}
        onClick={() =>
          a.run('dispatch', () =>
            // the category's default is the server's: no date sent, so it counts from the server's clock
            a.matter.dispatch({ unitId: chosen!, resolveBy: days === defaultDays ? undefined : until, note: note.trim() || undefined, version: m.version }),
          )
        }
        testId='fl-dispatch-submit'
      >
        {t('fl.dispatch')}
      </Btn>
    </Section>
  )
}

function ReviewPanel({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const m = d.matter
  const [note, setNote] = useState('')
  const [merging, setMerging] = useState(false)
  const [target, setTarget] = useState<string>()
  const candidates = useQuery(
    async () => (await fiveLists.subdistrictMatters(m.subdistrictId, { limit: 100 })).items.filter((x) => x.id !== m.id && x.communityId === m.communityId),
    [m.id],
    merging,
  )
  const can = (x: (typeof d.actions)[number]) => d.actions.includes(x)
  return (
    <Section title={can('confirm') ? t('fl.reviewTitle') : t('fl.mergeTitle')}>
      {can('confirm') ? (
        <>
          <Text className='body block'>{t('fl.reviewHint', { unit: m.unitName ?? '' })}</Text>
          <Btn kind='primary' block loading={a.busy === 'confirm'} onClick={() => a.run('confirm', () => a.matter.review({ decision: 'confirm', note: note.trim() || undefined, version: m.version }))} testId='fl-review-confirm'>
            {t('fl.confirm')}
          </Btn>
        </>
      ) : null}
      {can('return') ? (
        <Field label={t('fl.returnReason')}>
          <TextArea label={t('fl.returnReason')} value={note} onInput={setNote} testId='fl-review-note' maxlength={1000} />
          <Btn
            kind='danger'
            block
            disabled={!note.trim()}
            loading={a.busy === 'return'}
            onClick={() => a.run('return', () => a.matter.review({ decision: 'return', note: note.trim(), version: m.version }))}
            testId='fl-review-return'
          >
            {t('fl.return')}
          </Btn>
        </Field>
      ) : null}
      {can('merge') ? (
        !merging ? (
          <Btn block onClick={() => setMerging(true)} testId='fl-review-merge-open'>
            {t('fl.mergeOpen')}
          </Btn>
        ) : (
          <Field label={t('fl.mergeInto')}>
            {candidates.error ? (
              <ErrorState error={candidates.error} onRetry={candidates.reload} />
            ) : !candidates.data ? (
              <Loading />
            ) : !candidates.data.length ? (
              <Text className='small muted block'>{t('fl.noMergeTarget')}</Text>
            ) : (
              <View {...aria({ role: 'group', 'aria-label': t('fl.mergeInto') })}>
                {candidates.data.map((c) => (
                  <Chip key={c.id} selected={target === c.id} onClick={() => setTarget(c.id)} testId={`fl-merge-target-${c.id}`}>
                    {c.text.length > 30 ? `${c.text.slice(0, 30)}…` : c.text}
                  </Chip>
                ))}
              </View>
            )}
            <Btn
              block
              disabled={!target}
              loading={a.busy === 'merge'}
              onClick={() => a.run('merge', () => a.matter.review({ decision: 'merge', intoMatterId: target!, note: note.trim() || undefined, version: m.version }))}
              testId='fl-review-merge'
            >
              {t('fl.merge')}
            </Btn>
          </Field>
        )
      ) : null}
    </Section>
  )
}

function ResolvePanel({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const m = d.matter
  const [note, setNote] = useState('')
  const ph = usePhotos()
  const ready = note.trim().length > 0 && ph.keys.length > 0 && !ph.busy
  return (
    <Section title={t('fl.resolveTitle')}>
      <Field label={t('fl.resolveNote')}>
        <TextArea label={t('fl.resolveNote')} value={note} onInput={setNote} placeholder={t('fl.resolveNotePlaceholder')} testId='fl-resolve-note' maxlength={1000} />
      </Field>
      <Field label={t('fl.resolvePhotos')} hint={t('fl.resolvePhotosHint')}>
        <PhotoField ph={ph} testId='fl-resolve' />
      </Field>
      <Btn
        kind='primary'
        block
        disabled={!ready}
        loading={a.busy === 'resolve'}
        onClick={() => a.run('resolve', () => a.matter.resolve({ note: note.trim(), photos: ph.keys, version: m.version }))}
        testId='fl-resolve-submit'
      >
        {t('fl.resolve')}
      </Btn>
    </Section>
  )
}

function ExtensionRequestPanel({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const m = d.matter
  const [days, setDays] = useState(7)
  const [reason, setReason] = useState('')
  const base = Math.max(Date.parse(m.resolveBy ?? m.deadlineAt ?? m.updatedAt), Date.now())
  const until = new Date(base + days * DAY).toISOString()
  return (
    <Section title={t('fl.extensionTitle')}>
      <Text className='small muted block'>{t('fl.extensionOnce')}</Text>
      <Field label={t('fl.extensionDays')} hint={t('fl.extensionUntilHint', { date: fmtDate(until, t.lang) })}>
        <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.extensionDays') })}>
          {[3, 7, 15].map((n) => (
            <Chip key={n} selected={days === n} onClick={() => setDays(n)} testId={`fl-extension-days-${n}`}>
              {t('fl.days', { n })}
            </Chip>
          ))}
        </View>
      </Field>
      <Field label={t('fl.reason')}>
        <TextArea label={t('fl.reason')} value={reason} onInput={setReason} testId='fl-extension-reason' maxlength={1000} />
      </Field>
      <Btn
        block
        disabled={!reason.trim()}
        loading={a.busy === 'extension'}
        onClick={() => a.run('extension', () => a.matter.requestExtension({ until, reason: reason.trim() }))}
        testId='fl-extension-request'
      >
        {t('fl.extensionRequest')}
      </Btn>
    </Section>
  )
}

function ExtensionDecisionPanel({ a }: { a: Act }) {
  const t = useT()
  const [note, setNote] = useState('')
  const decide = (approve: boolean) => a.run(approve ? 'approve' : 'deny', () => a.matter.decideExtension({ approve, note: note.trim() || undefined }))
  return (
    <Section title={t('fl.extensionDecideTitle')}>
      <Field label={t('fl.noteOptional')}>
        <TextArea label={t('fl.noteOptional')} value={note} onInput={setNote} testId='fl-extension-note' maxlength={500} />
      </Field>
      <View className='row gap'>
        <Btn kind='primary' loading={a.busy === 'approve'} onClick={() => decide(true)} testId='fl-extension-approve'>
          {t('fl.extensionApprove')}
        </Btn>
        <Btn kind='danger' loading={a.busy === 'deny'} onClick={() => decide(false)} testId='fl-extension-deny'>
          {t('fl.extensionDeny')}
        </Btn>
      </View>
    </Section>
  )
}

function ClosePanel({ d, a }: { d: FiveListDetail; a: Act }) {
  const t = useT()
  const m = d.matter
  const [note, setNote] = useState('')
  return (
    <Section title={t('fl.closeTitle')}>
      <Field label={t('fl.closeReason')}>
        <TextArea label={t('fl.closeReason')} value={note} onInput={setNote} testId='fl-close-note' maxlength={1000} />
      </Field>
      <Btn kind='danger' block disabled={!note.trim()} loading={a.busy === 'close'} onClick={() => a.run('close', () => a.matter.close({ note: note.trim(), version: m.version }))} testId='fl-close'>
        {t('fl.close')}
      </Btn>
    </Section>
  )
}
