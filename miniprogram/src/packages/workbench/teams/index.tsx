import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Chip, Empty, LinkRow, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { chinaDay } from '../../../lib/format'
import { hoursOf } from '../../../lib/signups'
import { addMonths, lastDayOfMonth } from '@shared/platform/chinaTime'
import { signups } from '../../../hooks/signups'
import { useTeamHours } from '../../../hooks/workbench'

type Period = 'month' | 'lastMonth' | 'year'

function periodOf(p: Period): { from: string; to: string } {
  const today = chinaDay()
  const month = today.slice(0, 7)
  if (p === 'month') return { from: `${month}-01`, to: today }
  if (p === 'lastMonth') {
    const last = addMonths(month, -1)
    return { from: `${last}-01`, to: lastDayOfMonth(last) }
  }
  return { from: `${today.slice(0, 4)}-01-01`, to: today }
}

/** 服务队时长: the teams of the units I am staff of; a team's roster with each member's hours, and its hours in a period. */
export default function TeamHoursPage() {
  const t = useT()
  const { me } = useApp()
  const units = Array.from(new Set((me?.grants ?? []).filter((g) => ['organizer', 'communityWorker', 'subdistrictOfficer'].includes(g.role)).map((g) => g.unitId)))
  const teams = useQuery(
    async () => (await Promise.all(units.map((unitId) => signups.unitTeams(unitId)))).flat(),
    [units.join()],
    units.length > 0,
  )
  const [picked, setPicked] = useState<string>()
  const [period, setPeriod] = useState<Period>('year')
  const teamId = picked ?? teams.data?.[0]?.id
  const range = periodOf(period)
  const hours = useTeamHours(teamId, range)

  if (me && !units.length) return <Page title='wb.team.title'><Empty text={t('wb.noWork')} /></Page>
  return (
    <Page title='wb.team.title'>
      <Section>
        <Async q={teams} empty={(d) => (d.length ? false : t('wb.team.none'))}>
          {(list) => (
            <View className='row' {...aria({ role: 'group', 'aria-label': t('wb.teams') })}>
              {list.map((team) => (
                <Chip key={team.id} selected={team.id === teamId} onClick={() => setPicked(team.id)} testId={`wb-team-${team.id}`}>
                  {team.name}
                </Chip>
              ))}
            </View>
          )}
        </Async>
        <View className='row' {...aria({ role: 'group', 'aria-label': t('wb.team.period') })}>
          {(['month', 'lastMonth', 'year'] as const).map((p) => (
            <Chip key={p} selected={p === period} onClick={() => setPeriod(p)} testId={`wb-period-${p}`}>
              {t(`wb.period.${p}`)}
            </Chip>
          ))}
        </View>
      </Section>
      {teamId ? (
        <Async q={hours}>
          {(d) => (
            <View data-testid='wb-team-hours'>
              <Section title={d.teamName}>
                <Text className='body block' data-testid='wb-team-figure' {...aria({ role: 'status' })}>
                  {t('wb.team.figure', { hours: hoursOf(d.period.minutes), entries: d.period.entries, people: d.period.volunteers })}
                </Text>
                <Text className='small muted block'>{`${d.from} – ${d.to} · ${t('wb.team.source')}`}</Text>
              </Section>
              <Section title={t('wb.team.roster')}>
                {d.roster.map((m) => (
                  <LinkRow
                    key={m.userId}
                    title={m.role === 'leader' ? `${m.displayName}（${t('wb.team.leader')}）` : m.displayName}
                    note={t('wb.team.member', { period: hoursOf(m.periodMinutes), total: hoursOf(m.totalMinutes) })}
                    onClick={() => void Taro.navigateTo({ url: `/packages/workbench/volunteer/index?unitId=${d.unitId}&userId=${m.userId}` })}
                    testId={`wb-member-${m.userId}`}
                  />
                ))}
              </Section>
            </View>
          )}
        </Async>
      ) : null}
    </Page>
  )
}
