import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { managedUnit } from '../lib/units'
import { AnnouncementCard } from '../lib/card'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { announcements, useAnnouncementSettings, useMyAnnouncements, useUnitAnnouncements } from '../../../hooks/announcements'
import { askSubscribe } from '../../../lib/subscribe'
import { useAction } from '../../../hooks/useAction'

/**
 * 社区公告: the announcements that reach me (unread first, then pinned, then newest), my building and whether I am
 * told; staff (community workers, officers) also see those of their unit with read counts, and post. Pull down to refresh.
 */
export default function AnnouncementsPage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const resident = !!me?.communityId
  const unit = managedUnit(me)

  const mine = useMyAnnouncements(!!me && resident)
  const staff = useUnitAnnouncements(unit?.unitId)
  const settings = useAnnouncementSettings(!!me && resident)
  const [building, setBuilding] = useState('')
  const [note, setNote] = useState<string>()
  const { busy, error, run } = useAction()
  // one line under the settings: what the last save did, or why it failed
  const said = error ? t.errorText(error) : note
  useEffect(() => setBuilding(settings.data?.building ?? ''), [settings.data?.building])

  async function save(notify: boolean) {
    setNote(undefined)
    await run('settings', async () => {
      const s = await announcements.putSettings({ building: building.trim() || null, notify })
      settings.setData(s)
      // right after the tap it belongs to, as WeChat requires
      const answer = notify && !settings.data?.notify ? await askSubscribe(app.config?.templates, ['announcement']) : undefined
      setNote(answer === 'accept' ? t('subscribe.accepted') : t('ann.settingsSaved'))
    })
  }

  return (
    <Page title='ann.listTitle'>
      {unit ? (
        <Btn kind='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/announcements/post/index' })} testId='ann-new'>
          {`+ ${t('ann.new')}`}
        </Btn>
      ) : null}

      {resident ? (
        <Section title={t('ann.forMe')}>
          <Async q={mine} empty={(d) => (d.items.length ? false : t('ann.empty'))}>
            {() => (
              <View data-testid='ann-list'>
                {mine.items.map((a) => (
                  <AnnouncementCard key={a.id} a={a} t={t} />
                ))}
                {mine.hasMore ? (
                  <Btn block loading={mine.loadingMore} onClick={() => void mine.loadMore()} testId='ann-more'>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
                {mine.moreError ? <ErrorState error={mine.moreError} onRetry={() => void mine.loadMore()} /> : null}
              </View>
            )}
          </Async>
        </Section>
      ) : null}

      {unit ? (
        <Section title={`${t('ann.mine')} · ${unit.name}`}>
          <Async q={staff} empty={(d) => (d.items.length ? false : t('ann.empty'))}>
            {() => (
              <View data-testid='ann-staff-list'>
                {staff.items.map((a) => (
                  <AnnouncementCard key={a.id} a={a} t={t} staff />
                ))}
                {staff.hasMore ? (
                  <Btn block loading={staff.loadingMore} onClick={() => void staff.loadMore()} testId='ann-staff-more'>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
              </View>
            )}
          </Async>
          <Text className='small muted block'>{t('ann.readNote')}</Text>
        </Section>
      ) : null}

      {resident ? (
        <Section title={t('ann.settings')}>
          {settings.error ? (
            <ErrorState error={settings.error} onRetry={settings.reload} />
          ) : (
            <>
              <Field label={t('ann.building')}>
                <TextInput label={t('ann.building')} value={building} onInput={setBuilding} testId='ann-building' maxlength={20} />
              </Field>
              <Btn small disabled={!!busy || settings.loading} onClick={() => void save(!!settings.data?.notify)} testId='ann-building-save'>
                {t('common.save')}
              </Btn>
              <View className='switch-row'>
                <Text className='body'>{t('ann.notify')}</Text>
                <Switch
                  checked={!!settings.data?.notify}
                  disabled={!!busy || settings.loading}
                  color='#b5121b'
                  onChange={(e) => void save(e.detail.value)}
                  nativeProps={{ 'aria-label': t('ann.notify'), 'data-testid': 'ann-notify' }}
                />
              </View>
              {said ? (
                <Text className='small muted block' {...aria({ role: 'status' })}>
                  {said}
                </Text>
              ) : null}
            </>
          )}
        </Section>
      ) : null}
    </Page>
  )
}
