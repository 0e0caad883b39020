import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HiddenItem } from '@shared/moderation/schemas'
import { Async, Btn, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { moderation, useHiddenItems } from '../../../hooks/moderation'
import { fmtDateTime } from '../../../lib/format'

/**
 * 已隐藏: what the workers hid, newest first, each with who hid it, when and why, and 恢复显示 with a reason (kept in the
 * item's audit): a hide by mistake is undone here after the item has left the queue. Mounted only while its tab is
 * open, so its pull-down refresh and its loading happen only then.
 */
export function HiddenList({ unitId }: { unitId: string }) {
  const t = useT()
  const list = useHiddenItems(unitId)
  useDidShow(() => void (unitId && list.reload()))
  const [restoring, setRestoring] = useState<string>()
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const [restored, setRestored] = useState<Record<string, true>>({})

  async function restore(item: HiddenItem) {
    const key = `${item.kind}:${item.ref}`
    await run(key, async () => {
      await moderation.restore(item.kind, item.ref, note.trim())
      setRestored((r) => ({ ...r, [key]: true }))
      setRestoring(undefined)
      setNote('')
      void Taro.showToast({ title: t('mod.restored'), icon: 'success' })
    })
  }

  return (
    <View>
      {error ? <ErrorState error={error} /> : null}
      <Async q={list} empty={(d) => (d.items.length ? false : t('mod.hiddenEmpty'))}>
        {() => (
          <View data-testid='mod-hidden-list'>
            {list.items.map((item) => {
              const key = `${item.kind}:${item.ref}`
              const done = restored[key]
              return (
                <Section key={key}>
                  <View className='row gap' data-testid={`mod-hidden-${item.ref}`}>
                    <Tag tone='brand'>{t(`mod.kind.${item.kind}`)}</Tag>
                    <Tag tone={done ? 'good' : 'bad'}>{t(done ? 'mod.restored' : 'mod.state.hidden')}</Tag>
                  </View>
                  <Text className='body block pre'>{item.excerpt}</Text>
                  <Text className='small muted block'>{t('mod.by', { name: item.authorName })}</Text>
                  <Text className='small block'>{t('mod.hiddenReason', { reason: item.reason })}</Text>
                  <Text className='small muted block'>{t('mod.hiddenBy', { name: item.hiddenBy, at: fmtDateTime(item.hiddenAt, t.lang) })}</Text>
                  {item.link ? (
                    <Text className='small link' onClick={() => Taro.navigateTo({ url: item.link! })} {...aria({ role: 'link', tabindex: 0 })}>
                      {t('mod.open')}
                    </Text>
                  ) : null}
                  {!done && restoring === key ? (
                    <Field label={t('mod.showAgainReason')}>
                      <TextArea label={t('mod.showAgainReason')} value={note} onInput={setNote} maxlength={200} testId='mod-show-reason' />
                      <View className='row gap'>
                        <Btn kind='primary' small disabled={note.trim().length < 2} loading={busy === key} onClick={() => void restore(item)} testId='mod-show-confirm'>
                          {t('mod.showAgain')}
                        </Btn>
                        <Btn small onClick={() => setRestoring(undefined)}>
                          {t('common.cancel')}
                        </Btn>
                      </View>
                    </Field>
                  ) : null}
                  {!done && restoring !== key ? (
                    <View className='row gap'>
                      <Btn small onClick={() => { setRestoring(key); setNote('') }} testId={`mod-show-${item.ref}`}>
                        {t('mod.showAgain')}
                      </Btn>
                    </View>
                  ) : null}
                </Section>
              )
            })}
            {list.hasMore ? (
              <Btn block loading={list.loadingMore} onClick={() => void list.loadMore()} testId='mod-hidden-more'>
                {t('mod.more')}
              </Btn>
            ) : null}
            {list.moreError ? <ErrorState error={list.moreError} onRetry={() => void list.loadMore()} /> : null}
          </View>
        )}
      </Async>
    </View>
  )
}
