import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { Async, Btn, Empty, LinkRow, Loading, Section, Tag } from '../../components/ui'
import { aria } from '../../components/a11y'
import { useT } from '../../i18n/useT'
import { useApp } from '../../state/app'
import { useQuery } from '../../hooks/useQuery'
import { isLoggedIn } from '../../api/client'
import { fmtDateTime, fmtTime } from '../../lib/format'
import { hasRole, homeCommunityId } from '../../lib/roles'
import { Workbench } from '../../packages/workbench/Workbench'
import { hoursOf, reservationState } from '../../lib/signups'
import { signups, useCommunityActivities, useMySignups } from '../../hooks/signups'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 志愿: activities to join, my shifts and registrations, my hours and certificate, the time bank, teams. */
export default function VolunteerPage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const communityId = homeCommunityId(me)
  const vol = useQuery(() => signups.myVolunteer(), [me?.id], !!me)
  const acts = useCommunityActivities(communityId)
  const mine = useMySignups([me?.id], !!me)
  const hours = useQuery(() => signups.myHours(), [me?.id], !!me)
  const bank = useQuery(() => signups.myTimeBank(), [me?.id], !!me)

  useDidShow(() => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: '/pages/login/index' })
      return
    }
    if (vol.data) void vol.reload()
    if (mine.data) void mine.reload()
  })

  if (!me) return <Page title='su.tab.title'>{app.loadingMe ? <Loading /> : null}</Page>
  const volunteer = vol.data?.volunteer
  // an organizer opens on their own activities (工作台), not on registering as a volunteer
  const organizer = hasRole(me, 'organizer')

  return (
    <Page title='su.tab.title'>
      {organizer ? <Workbench me={me} only='organizer' /> : null}
      {organizer ? (
        <Section>
          <LinkRow title={t('wb.teams')} onClick={go('/packages/workbench/teams/index')} testId='vol-team-hours' />
          {!volunteer ? <LinkRow title={t('su.vol.register')} onClick={go('/packages/signups/register/index')} testId='vol-register' /> : null}
        </Section>
      ) : null}
      {organizer && !volunteer ? null : <Section title={t('su.vol.me')}>
        <Async q={vol}>
          {() =>
            volunteer ? (
              <View data-testid='vol-registered'>
                <Text className='body block'>{t('su.vol.registeredAs', { name: volunteer.realName, phone: volunteer.phoneMasked })}</Text>
                <LinkRow title={t('su.vol.update')} onClick={go('/packages/signups/register/index')} testId='vol-register' />
              </View>
            ) : (
              <View>
                <Text className='body block'>{t('su.vol.why')}</Text>
                <Btn kind='primary' block onClick={go('/packages/signups/register/index')} testId='vol-register'>
                  {t('su.vol.register')}
                </Btn>
              </View>
            )
          }
        </Async>
      </Section>}

      {organizer && !communityId ? null : <Section title={t('su.vol.activities')}>
        {!communityId ? (
          <Empty text={t('su.needBinding')} />
        ) : (
          <Async q={acts} empty={() => (acts.items.length ? false : t('su.vol.noActivities'))}>
            {() => (
              <View data-testid='vol-activities'>
                {acts.items.map((a) => (
                  <View key={a.id} className='card' onClick={go(`/packages/signups/activity/index?id=${a.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `activity-card-${a.id}` })}>
                    <View className='row'>
                      {a.state === 'draft' ? <Tag tone='warn'>{t('su.activity.draft')}</Tag> : <Tag tone='brand'>{t('su.activity.tag')}</Tag>}
                      {a.elderToElder ? <Tag tone='good'>{t('su.activity.elderToElder')}</Tag> : null}
                    </View>
                    <Text className='card-title'>{a.title}</Text>
                    <Text className='small muted block'>{`${fmtDateTime(a.firstStartsAt, t.lang)} · ${t('su.activity.shiftCount', { n: a.shifts.length })}`}</Text>
                  </View>
                ))}
                {acts.hasMore ? (
                  <Btn block loading={acts.loadingMore} onClick={acts.loadMore} testId='vol-activities-more'>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
              </View>
            )}
          </Async>
        )}
      </Section>}

      <Section title={t('su.vol.mine')}>
        <Async q={mine} empty={() => (mine.items.some((r) => r.status !== 'cancelled') || mine.hasMore ? false : t('su.vol.noSignups'))}>
          {() => (
            <View data-testid='vol-mine'>
              {mine.items
                .filter((r) => r.status !== 'cancelled')
                .map((r) => {
                  const s = reservationState(r)
                  const url = r.kind === 'event' ? `/packages/signups/event/index?id=${r.ownerId}` : `/packages/signups/activity/index?id=${r.ownerId}`
                  return (
                    <View key={r.placeId} className='card' onClick={go(url)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `mine-${r.placeId}` })}>
                      <View className='row'>
                        <Tag tone='neutral'>{t(r.kind === 'event' ? 'su.event.tag' : 'su.activity.shift')}</Tag>
                        <Tag tone={s.tone}>{r.status === 'waitlisted' ? t('su.status.waitlistedAt', { n: r.position ?? '' }) : t(s.key)}</Tag>
                      </View>
                      <Text className='card-title'>{r.title}</Text>
                      <Text className='small muted block'>{`${fmtDateTime(r.startsAt, t.lang)}–${fmtTime(r.endsAt)} · ${r.place}`}</Text>
                    </View>
                  )
                })}
              {mine.hasMore ? (
                <Btn block loading={mine.loadingMore} onClick={mine.loadMore} testId='vol-mine-more'>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
            </View>
          )}
        </Async>
      </Section>

      <Section title={t('su.vol.hoursAndBank')}>
        <LinkRow
          title={t('su.hours.title')}
          note={hours.data ? t('su.hours.total', { h: hoursOf(hours.data.totalMinutes) }) : undefined}
          onClick={go('/packages/signups/hours/index')}
          testId='vol-hours'
        />
        <LinkRow
          title={t('su.bank.title')}
          note={bank.data ? t('su.hours.total', { h: hoursOf(bank.data.balanceMinutes) }) : undefined}
          onClick={go('/packages/signups/timebank/index')}
          testId='vol-timebank'
        />
        <LinkRow title={t('su.teams.title')} onClick={go('/packages/signups/teams/index')} testId='vol-teams' />
        <LinkRow title={t('su.verify.title')} onClick={go('/packages/signups/verify/index')} testId='vol-verify' />
      </Section>
    </Page>
  )
}
