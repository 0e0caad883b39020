import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { InboxItem } from '@shared/notifications/schemas'
import { Page } from '../../../components/Page'
import { Btn, Empty, ErrorState, Loading, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { fmtDateTime } from '../../../lib/format'
import { notifications, useInbox } from '../../../hooks/notifications'
import { useAction } from '../../../hooks/useAction'

export default function InboxPage() {
  const t = useT()
  const list = useInbox()
  const [readIds, setReadIds] = useState<Set<string>>(new Set())
  const { error, run } = useAction()
  const isRead = (i: InboxItem) => i.read || readIds.has(i.id)

  async function markRead(ids: string[]) {
    if (!ids.length) return
    await run('read', async () => {
      await notifications.markRead(ids.slice(0, 100))
      setReadIds((s) => new Set([...s, ...ids]))
    })
  }

  async function open(i: InboxItem) {
    if (!isRead(i)) await markRead([i.id])
    if (i.link) void Taro.navigateTo({ url: i.link.startsWith('/') ? i.link : `/${i.link}` }).catch(() => undefined)
  }

  const unread = list.items.filter((i) => !isRead(i)).map((i) => i.id)
  return (
    <Page
      title='inbox.title'
      actions={
        unread.length ? (
          <Btn small onClick={() => markRead(unread)} testId='inbox-read-all'>
            {t('inbox.readAll')}
          </Btn>
        ) : undefined
      }
    >
      {error ? <ErrorState error={error} /> : null}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty text={t('inbox.empty')} />
      ) : (
        <View data-testid='inbox-list'>
          {list.items.map((i) => (
            <View key={i.id} className='card' onClick={() => open(i)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `inbox-item-${i.id}` })}>
              <View className='row'>
                <Tag tone={isRead(i) ? 'neutral' : 'brand'}>{isRead(i) ? t('inbox.read') : `● ${t('inbox.unread')}`}</Tag>
                <Text className='small muted'>{fmtDateTime(i.createdAt, t.lang)}</Text>
              </View>
              {/* the backend answers both languages; an item stored before texts had keys has only the Chinese */}
              <Text className='card-title'>{t.lang === 'en' ? i.titleEn ?? i.title : i.title}</Text>
              <Text className='small block pre'>{t.lang === 'en' ? i.bodyEn ?? i.body : i.body}</Text>
            </View>
          ))}
          {list.hasMore ? (
            <Btn block loading={list.loadingMore} onClick={list.loadMore}>
              {t('common.loadMore')}
            </Btn>
          ) : null}
        </View>
      )}
    </Page>
  )
}
