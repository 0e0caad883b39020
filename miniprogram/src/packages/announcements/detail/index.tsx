import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import '../lib/messages'
import '../lib/announcements.css'
import { audienceText } from '../lib/card'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Section, Tag } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { announcements, useAnnouncement } from '../../../hooks/announcements'
import { fmtDateTime } from '../../../lib/format'

/**
 * 公告详情: the announcement; opening it marks it read (counted once however often it is opened). Staff over it see
 * the read count (人次) and may pin, change it before it is published, or withdraw it. Shareable.
 */
export default function AnnouncementPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useAnnouncement(id)
  const act = useAction()
  const [marked, setMarked] = useState(false)
  const marking = useRef(false)

  useShareAppMessage(() => ({ title: t('ann.share', { title: q.data?.title ?? '' }), path: `/packages/announcements/detail/index?id=${id}` }))

  // a resident it reaches opened it: tell the server once per visit (the server counts once per person anyway)
  useEffect(() => {
    if (q.data?.read === false && !marking.current) {
      marking.current = true
      void announcements
        .read(id)
        .then(() => setMarked(true))
        .catch(() => (marking.current = false))
    }
  }, [q.data?.read, id])

  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: t('ann.withdraw'), content: t('ann.withdrawConfirm') })
    if (!confirm) return
    await act.run('withdraw', async () => q.setData(await announcements.withdraw(id)))
  }

  async function pin(pinned: boolean) {
    const a = q.data!
    await act.run('pin', async () => q.setData(await announcements.edit(id, { pinned, version: a.version })))
  }

  return (
    <Page title='ann.detailTitle'>
      <Async q={q}>
        {(a) => (
          <View>
            <Section>
              <View className='row'>
                {a.pinned ? <Tag tone='warn'>{t('ann.pinned')}</Tag> : null}
                {a.state !== 'published' ? <Tag tone='neutral'>{t(`ann.state.${a.state}`)}</Tag> : null}
                {a.read === false && !marked ? <Tag tone='brand'>{t('ann.unread')}</Tag> : null}
              </View>
              <Text className='h2 block' data-testid='ann-title' {...aria({ role: 'heading', 'aria-level': 2 })}>
                {a.title}
              </Text>
              <View className='kv'>
                <Text className='k'>{t('ann.to')}</Text>
                <Text className='v'>{`${t(`ann.kind.${a.audience.kind}`)} · ${audienceText(a)}`}</Text>
              </View>
              <View className='kv'>
                <Text className='k'>{t('ann.publishAt')}</Text>
                <Text className='v'>{fmtDateTime(a.publishAt, t.lang)}</Text>
              </View>
              <View className='kv'>
                <Text className='k'>{t('ann.by')}</Text>
                <Text className='v'>{a.authorName}</Text>
              </View>
              <Text className='body block ann-body' data-testid='ann-body'>
                {a.body}
              </Text>
              {a.photos.map((p, i) => (
                <Image key={p.key} src={p.url} mode='widthFix' className='ann-photo' {...aria({ 'aria-label': t('ann.photoOf', { n: i + 1 }) })} />
              ))}
            </Section>

            {a.readCount !== undefined ? (
              <Section>
                <Text className='body block' data-testid='ann-read-count'>
                  {t('ann.readCount', { n: a.readCount })}
                </Text>
                <Text className='small muted block'>{`${t('ann.notified', { n: a.notifiedCount ?? 0 })} · ${t('ann.readNote')}`}</Text>
                {a.canEdit ? (
                  <View className='row'>
                    <Btn small loading={act.busy === 'pin'} onClick={() => void pin(!a.pinned)} testId='ann-pin'>
                      {a.pinned ? t('ann.unpin') : t('ann.pin')}
                    </Btn>
                    {a.state === 'scheduled' ? (
                      <Btn small onClick={() => void Taro.navigateTo({ url: `/packages/announcements/post/index?id=${a.id}` })} testId='ann-edit'>
                        {t('ann.edit')}
                      </Btn>
                    ) : null}
                  </View>
                ) : null}
                {a.canWithdraw ? (
                  <Btn kind='danger' block loading={act.busy === 'withdraw'} onClick={() => void withdraw()} testId='ann-withdraw'>
                    {t('ann.withdraw')}
                  </Btn>
                ) : null}
                {act.error ? <ErrorState error={act.error} /> : null}
              </Section>
            ) : null}
          </View>
        )}
      </Async>
    </Page>
  )
}
