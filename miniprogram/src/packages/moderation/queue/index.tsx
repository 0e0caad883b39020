import '../lib/messages'
import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { QueueItem } from '@shared/moderation/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { moderation, useModerationQueue } from '../../../hooks/moderation'
import { fmtDateTime } from '../../../lib/format'
import { HiddenList } from './HiddenList'

/**
 * 举报与审核: what waits for the workers of a community (an officer: of the sub-district), newest first: reported items
 * and those WeChat's content security held for review. Each is hidden with a reason its author is told, or passed.
 * The 已隐藏 tab lists what was hidden, to show it again after it has left the queue.
 */
export default function ModerationQueuePage() {
  const t = useT()
  const params = useRouter().params
  const unitId = params.unitId as string
  const list = useModerationQueue(unitId)
  useDidShow(() => void (unitId && list.reload()))
  const [hiding, setHiding] = useState<string>()
  const [reason, setReason] = useState('')
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<Record<string, 'hidden' | 'passed'>>({})
  // `tab=hidden` opens 已隐藏 directly (a link from elsewhere, the accessibility suite)
  const [tab, setTab] = useState<'queue' | 'hidden'>(params.tab === 'hidden' ? 'hidden' : 'queue')

  async function decide(item: QueueItem, action: 'hide' | 'restore') {
    const key = `${item.kind}:${item.ref}`
    await run(`${action}:${key}`, async () => {
      const r = action === 'hide' ? await moderation.hide(item.kind, item.ref, reason.trim()) : await moderation.restore(item.kind, item.ref)
      setDone((d) => ({ ...d, [key]: r.state }))
      setHiding(undefined)
      setReason('')
      void Taro.showToast({ title: t(action === 'hide' ? 'mod.hidden' : 'mod.restored'), icon: 'success' })
    })
  }

  return (
    <Page title='mod.queueTitle'>
      <View className='row gap'>
        <Chip selected={tab === 'queue'} onClick={() => setTab('queue')} testId='mod-tab-queue'>
          {t('mod.tab.queue')}
        </Chip>
        <Chip selected={tab === 'hidden'} onClick={() => setTab('hidden')} testId='mod-tab-hidden'>
          {t('mod.tab.hidden')}
        </Chip>
      </View>
      {tab === 'hidden' ? <HiddenList unitId={unitId} /> : null}
      {tab === 'queue' && error ? <ErrorState error={error} /> : null}
      {tab === 'queue' ? (
        <Async q={list} empty={(d) => (d.items.length ? false : t('mod.queueEmpty'))}>
          {() => (
            <View data-testid='mod-queue'>
              {list.items.map((item) => {
                const key = `${item.kind}:${item.ref}`
                const decided = done[key]
                return (
                  <Section key={key}>
                    <View className='row gap' data-testid={`mod-item-${item.ref}`}>
                      <Tag tone='brand'>{t(`mod.kind.${item.kind}`)}</Tag>
                      {item.causes.map((c) => (
                        <Tag key={c} tone={c === 'reported' ? 'bad' : 'warn'}>
                          {c === 'reported' ? t('mod.cause.reported', { n: item.reportCount }) : t(`mod.cause.${c}`)}
                        </Tag>
                      ))}
                      {decided ? <Tag tone='good'>{t(decided === 'hidden' ? 'mod.hidden' : 'mod.restored')}</Tag> : null}
                    </View>
                    <Text className='body block pre'>{item.text}</Text>
                    {Object.entries(item.reasons).length ? (
                      <Text className='small muted block'>{Object.entries(item.reasons).map(([r, n]) => `${t(`mod.reason.${r}` as 'mod.reason.other')} ×${n}`).join('、')}</Text>
                    ) : null}
                    <Text className='small muted block'>{`${t('mod.by', { name: item.authorName })} · ${fmtDateTime(item.at, t.lang)}`}</Text>
                    {item.link ? (
                      <Text className='small link' onClick={() => Taro.navigateTo({ url: item.link! })} {...aria({ role: 'link', tabindex: 0 })}>
                        {t('mod.open')}
                      </Text>
                    ) : null}
                    {!decided && hiding === key ? (
                      <Field label={t('mod.hideReason')}>
                        <TextArea label={t('mod.hideReason')} value={reason} onInput={setReason} maxlength={200} testId='mod-hide-reason' />
                        <View className='row gap'>
                          <Btn kind='danger' small disabled={reason.trim().length < 2} loading={busy === `hide:${key}`} onClick={() => void decide(item, 'hide')} testId='mod-hide-confirm'>
                            {t('mod.hide')}
                          </Btn>
                          <Btn small onClick={() => setHiding(undefined)}>
                            {t('common.cancel')}
                          </Btn>
                        </View>
                      </Field>
                    ) : null}
                    {decided === 'hidden' ? (
                      // a hide by mistake is undone here: the entry has left the queue, so once this page is left the
                      // hidden item is reached only by its link
                      <View className='row gap'>
                        <Btn small loading={busy === `restore:${key}`} onClick={() => void decide(item, 'restore')} testId={`mod-restore-${item.ref}`}>
                          {t('mod.restore')}
                        </Btn>
                      </View>
                    ) : null}
                    {!decided && hiding !== key ? (
                      <View className='row gap'>
                        <Btn kind='danger' small onClick={() => { setHiding(key); setReason('') }} testId={`mod-hide-${item.ref}`}>
                          {t('mod.hide')}
                        </Btn>
                        <Btn small loading={busy === `restore:${key}`} onClick={() => void decide(item, 'restore')} testId={`mod-restore-${item.ref}`}>
                          {t('mod.restore')}
                        </Btn>
                      </View>
                    ) : null}
                  </Section>
                )
              })}
              {list.hasMore ? (
                <Btn block loading={list.loadingMore} onClick={() => void list.loadMore()} testId='mod-more'>
                  {t('mod.more')}
                </Btn>
              ) : null}
              {list.moreError ? <ErrorState error={list.moreError} onRetry={() => void list.loadMore()} /> : null}
            </View>
          )}
        </Async>
      ) : null}
    </Page>
  )
}
