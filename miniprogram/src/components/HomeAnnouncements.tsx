import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Async, LinkRow, Section } from './ui'
import { aria } from './a11y'
import { useT } from '../i18n/useT'
import { useHomeAnnouncements } from '../hooks/announcements'

/** 首页's announcements: how many are unread, the unread ones first (up to three), and the way to all of them. */
export function HomeAnnouncements() {
  const t = useT()
  const q = useHomeAnnouncements()
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <Section title={t('home.announcements')}>
      <Async q={q}>
        {(page) => (
          <View data-testid='home-announcements'>
            <Text className='body block' data-testid='home-ann-unread' {...aria({ role: 'status' })}>
              {page.unread ? t('home.annUnread', { n: page.unread }) : t('home.annNone')}
            </Text>
            {page.items
              .filter((a) => !a.read)
              .slice(0, 3)
              .map((a) => (
                <LinkRow key={a.id} title={a.title} onClick={() => open(`/packages/announcements/detail/index?id=${a.id}`)} testId={`home-ann-${a.id}`} badge={a.pinned ? t('home.annPinned') : undefined} />
              ))}
            <LinkRow title={t('home.annAll')} onClick={() => open('/packages/announcements/list/index')} testId='home-ann-all' />
          </View>
        )}
      </Async>
    </Section>
  )
}
