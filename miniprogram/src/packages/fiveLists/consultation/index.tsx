import { useRef, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Consultation } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { newIdempotencyKey } from '../../../api/client'
import { useAction } from '../../../hooks/useAction'
import { fiveLists, useConsultation, useConsultationComments } from '../../../hooks/fiveLists'
import { moderation } from '../../../hooks/moderation'
import { fmtDateTime } from '../../../lib/format'
import { Kv, Photos } from '../lib/ui'
import { registerMessages } from '../../../i18n/messages'
import { moderationMessages, sheetReasons } from '../../../i18n/moderation'

// the 举报 action on comments and the marks their author sees
registerMessages(moderationMessages)

const phaseTone = { upcoming: 'neutral', open: 'good', closed: 'neutral' } as const

/** One consultation: what is decided, the options, my vote (changeable until it closes), comments, the result. */
export default function ConsultationPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useConsultation(id)
  useShareAppMessage(() => ({ title: q.data?.title ?? t('fl.consultationsTitle'), path: `/packages/fiveLists/consultation/index?id=${id}` }))
  return (
    <Page title='fl.consultationTitle'>
      <Async q={q}>
        {(c) => (
          <>
            <Section>
              <Tag tone={phaseTone[c.phase]}>{t(`fl.phase.${c.phase}`)}</Tag>
              <Text className='h2 block'>{c.title}</Text>
              <Text className='body block pre'>{c.description}</Text>
              <Photos photos={c.attachments} />
              <Kv k={t('fl.opensAt')} v={fmtDateTime(c.opensAt, t.lang)} />
              <Kv k={t('fl.closesAt')} v={fmtDateTime(c.closesAt, t.lang)} />
            </Section>
            {c.result ? <Result c={c} /> : <Vote c={c} onVoted={q.setData} />}
            <Comments c={c} />
          </>
        )}
      </Async>
    </Page>
  )
}

function Vote({ c, onVoted }: { c: Consultation; onVoted: (c: Consultation) => void }) {
  const t = useT()
  const [choice, setChoice] = useState<string>()
  const { busy, error, run } = useAction()
  const picked = choice ?? c.myVote
  const open = c.phase === 'open'
  async function vote() {
    if (!picked) return
    await run('vote', async () => {
      onVoted(await fiveLists.vote(c.id, picked))
      setChoice(undefined)
      void Taro.showToast({ title: t('fl.voteDone'), icon: 'success' })
    })
  }
  return (
    <Section title={t('fl.options')}>
      <Text className='small muted block'>{open ? t('fl.voteHint') : c.phase === 'upcoming' ? t('fl.notOpenYet') : t('fl.resultPending')}</Text>
      <View {...aria({ role: 'group', 'aria-label': t('fl.options') })}>
        {c.options.map((o) => (
          <Chip key={o.id} selected={picked === o.id} onClick={() => open && setChoice(o.id)} testId={`fl-option-${o.id}`}>
            {`${o.label}${c.myVote === o.id ? `（${t('fl.myVote')}）` : ''}`}
          </Chip>
        ))}
      </View>
      {error ? <ErrorState error={error} /> : null}
      {open ? (
        <Btn kind='primary' block disabled={!picked || picked === c.myVote} loading={!!busy} onClick={vote} testId='fl-vote'>
          {c.myVote ? t('fl.changeVote') : t('fl.vote')}
        </Btn>
      ) : null}
    </Section>
  )
}

function Result({ c }: { c: Consultation }) {
  const t = useT()
  const r = c.result!
  return (
    <Section title={t('fl.result')}>
      <Text className='body block' data-testid='fl-result-total'>
        {t('fl.resultTotal', { n: r.total })}
      </Text>
      <View {...aria({ role: 'list', 'data-testid': 'fl-result' })}>
        {c.options.map((o) => {
          const n = r.counts[o.id] ?? 0
          const share = r.total ? Math.round((n / r.total) * 100) : 0
          return (
            <View key={o.id} className='fl-step' {...aria({ role: 'listitem' })}>
              <Text className='body block'>{`${o.label}${c.myVote === o.id ? `（${t('fl.myVote')}）` : ''}`}</Text>
              <Text className='small block'>{t('fl.votesOf', { n, share })}</Text>
              <View className='fl-bar' {...aria({ 'aria-hidden': true })}>
                <View className='fl-bar-fill' style={{ width: `${share}%` }} />
              </View>
            </View>
          )
        })}
      </View>
    </Section>
  )
}

function Comments({ c }: { c: Consultation }) {
  const t = useT()
  const list = useConsultationComments(c.id)
  const [text, setText] = useState('')
  const { busy, error, run, setError } = useAction()
  const key = useRef(newIdempotencyKey())
  const send = () =>
    run('comment', async () => {
      await fiveLists.comment(c.id, text.trim(), key.current)
      key.current = newIdempotencyKey()
      setText('')
      await list.reload()
    })
  async function report(commentId: string) {
    let tapIndex: number
    try {
      ;({ tapIndex } = await Taro.showActionSheet({ itemList: sheetReasons.map((r) => t(`mod.reason.${r}`)) }))
    } catch {
      // the sheet was dismissed: nothing to report
      return
    }
    const reason = sheetReasons[tapIndex]
    if (!reason) return
    setError(undefined)
    try {
      await moderation.report('comment', `${c.id}.${commentId}`, reason)
      void Taro.showToast({ title: t('mod.reported'), icon: 'none' })
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Section title={t('fl.commentsTitle')}>
      {c.phase !== 'closed' ? (
        <Field label={t('fl.commentLabel')}>
          <TextArea label={t('fl.commentLabel')} value={text} onInput={setText} testId='fl-comment-text' maxlength={500} />
          {error ? <ErrorState error={error} /> : null}
          <Btn block disabled={!text.trim()} loading={!!busy} onClick={send} testId='fl-comment-send'>
            {t('fl.commentSend')}
          </Btn>
        </Field>
      ) : null}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data && !list.items.length ? (
        <Empty text={t('fl.commentsEmpty')} />
      ) : (
        <View {...aria({ role: 'list', 'data-testid': 'fl-comments' })}>
          {list.items.map((x) => (
            <View key={x.id} className='fl-step' {...aria({ role: 'listitem' })}>
              <Text className='body block pre'>{x.text}</Text>
              <Text className='small muted block'>{`${x.authorName} · ${fmtDateTime(x.at, t.lang)}`}</Text>
              {x.moderation ? (
                <Text className='small block' data-testid={`fl-comment-mark-${x.id}`}>
                  {x.moderation.reason ? `${t(`mod.state.${x.moderation.state}`)} · ${t('mod.hiddenReason', { reason: x.moderation.reason })}` : t(`mod.state.${x.moderation.state}`)}
                </Text>
              ) : null}
              {!x.mine ? (
                <Text className='small link' onClick={() => void report(x.id)} data-testid={`fl-comment-report-${x.id}`} {...aria({ role: 'button', tabindex: 0 })}>
                  {t('mod.report')}
                </Text>
              ) : null}
            </View>
          ))}
          {list.hasMore ? (
            <Btn block loading={list.loadingMore} onClick={list.loadMore} testId='fl-comments-more'>
              {t('common.loadMore')}
            </Btn>
          ) : null}
        </View>
      )}
    </Section>
  )
}
